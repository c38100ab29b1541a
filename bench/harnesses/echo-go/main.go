// An echo harness for the stdio benchmark: parse answers the payload's own
// text as the value, without reading it, so that the client is what is timed.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"os"
)

func field(line []byte, name string) []byte {
	key := []byte(`"` + name + `":`)
	i := bytes.Index(line, key)
	if i < 0 {
		return nil
	}
	rest := line[i+len(key):]
	if len(rest) > 0 && rest[0] == '"' {
		end := bytes.IndexByte(rest[1:], '"')
		return rest[1 : 1+end]
	}
	end := bytes.IndexAny(rest, ",}")
	return rest[:end]
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	out.WriteString(`{"type":"hello","protocol":1,"implementation":{"name":"echo","language":"Go","version":"0"},"operations":{"parse":["OpenResponsesImageGenCallGenerating"]}}` + "\n")
	out.Flush()
	for {
		line, err := in.ReadBytes('\n')
		if len(line) > 1 {
			payload, _ := base64.StdEncoding.DecodeString(string(field(line, "payload")))
			out.WriteString(`{"id":`)
			out.Write(field(line, "id"))
			out.WriteString(`,"ok":true,"value":`)
			out.Write(payload)
			out.WriteString("}\n")
		}
		// answers leave when nothing more is waiting, as a harness that pipelines writes them
		if in.Buffered() == 0 || err != nil {
			out.Flush()
		}
		if err != nil {
			return
		}
	}
}
