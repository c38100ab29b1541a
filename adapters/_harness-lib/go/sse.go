package harness

import "encoding/json"

// FromServerEvent is what a Speakeasy Go SDK's event stream hands its unmarshaller: the decoder's
// ServerEvent as JSON. Data that is not JSON was quoted by the decoder; it is unquoted here.
func FromServerEvent(se []byte) (Event, error) {
	var raw struct {
		Event *string         `json:"event"`
		Data  json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(se, &raw); err != nil {
		return Event{}, err
	}
	data := string(raw.Data)
	if len(raw.Data) > 0 && raw.Data[0] == '"' {
		if err := json.Unmarshal(raw.Data, &data); err != nil {
			return Event{}, err
		}
	}
	return Event{Event: raw.Event, Data: data}, nil
}
