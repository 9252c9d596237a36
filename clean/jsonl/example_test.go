package jsonl_test

import (
	"bufio"
	"fmt"
	"log"
	"strings"

	"github.com/decruft/decruft/clean/jsonl"
)

// A Cleaner cleans one record at a time, where something else splits the
// stream: here lines read one by one, as a Beam DoFn or a queue consumer
// would receive them.
func ExampleCleaner() {
	c, err := jsonl.NewCleaner(jsonl.Options{Annotate: "decruft"})
	if err != nil {
		log.Fatal(err)
	}
	in := bufio.NewScanner(strings.NewReader(
		`{"id": 1, "text": "Sony will launch the PSP in December.\n\nRead More"}` + "\n" +
			`{"id": 2, "text": "Nothing to remove."}` + "\n" +
			`{"id": 3}` + "\n"))
	var out []byte
	for in.Scan() {
		var rec jsonl.Record
		out, rec, err = c.AppendLine(out[:0], in.Bytes())
		if err != nil {
			fmt.Println("bad record:", err)
			continue
		}
		fmt.Printf("%s changed=%v\n", out, rec.Changed)
	}
	// Output:
	// {"id": 1, "text": "Sony will launch the PSP in December.", "decruft": [{"rule":"readmore","start":39,"end":48}]} changed=true
	// {"id": 2, "text": "Nothing to remove.", "decruft": []} changed=false
	// bad record: field "text" missing
}

// Text serves callers that decode records themselves.
func ExampleCleaner_Text() {
	c, err := jsonl.NewCleaner(jsonl.Options{})
	if err != nil {
		log.Fatal(err)
	}
	text, rec, err := c.Text([]byte("Sony will sell the PSP in Japan from 12 December.\n\nAdvertisement\n\nIt will cost about 19,800 yen."))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s\n%d removal by %s\n", text, len(rec.Removals), rec.Removals[0].Rule)
	// Output:
	// Sony will sell the PSP in Japan from 12 December.
	//
	// It will cost about 19,800 yen.
	// 1 removal by ads
}
