"""An echo harness for the stdio benchmark: parse answers the payload's own text as the value, unread."""

import base64
import re
import sys

ID = re.compile(r'"id":(\d+)')
PAYLOAD = re.compile(r'"payload":"([^"]*)"')
sys.stdout.write(
    '{"type":"hello","protocol":1,"implementation":{"name":"echo","language":"Python","version":"0"},'
    '"operations":{"parse":["OpenResponsesImageGenCallGenerating"]}}\n'
)
sys.stdout.flush()
for line in sys.stdin:
    if line.strip():
        payload = base64.b64decode(PAYLOAD.search(line).group(1)).decode()
        sys.stdout.write('{"id":%s,"ok":true,"value":%s}\n' % (ID.search(line).group(1), payload))
        sys.stdout.flush()
