"""Secrets out of URLs and of messages that quote them, before they reach a record, a log or a manifest.

Apart from flows/http_client.py so that a run of file sources can redact without importing requests.
"""
from __future__ import annotations

import re

REDACTED = "REDACTED"
# query parameters that carry a secret: the name, or its last part after '_' or '-' (access_token, X-Amz-Signature)
_SECRET_PARAM = re.compile(
    r"(?P<name>[?&;](?:[\w.~%-]*[_-])?(?:token|key|apikey|secret|password|passwd|pwd|pass|sig|signature|auth|"
    r"authorization|session|sessionid|sid|credential|credentials)=)[^&;#\s'\"<>]*",
    re.IGNORECASE,
)
_USERINFO = re.compile(r"(?P<scheme>\b[a-z][a-z0-9+.-]*://)[^/?#@\s'\"<>]+@", re.IGNORECASE)


def redact(text: str) -> str:
    """A URL, or a message quoting URLs, without their secrets: user:password@ and token-like query values.

    Registry URLs may carry credentials; every URL that reaches a record, a log or a manifest goes through here.
    """
    return _SECRET_PARAM.sub(lambda m: m["name"] + REDACTED, _USERINFO.sub(lambda m: m["scheme"] + REDACTED + "@", text))
