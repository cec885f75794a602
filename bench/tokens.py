"""Paragon user tokens for the benchmark: RS256 JWTs signed with openssl, as Paragon's are."""

import base64
import json
import subprocess
import time


def make_key(path):
    subprocess.run(["openssl", "genrsa", "-out", path, "2048"], check=True, capture_output=True)


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(key_path, sub, lifetime=86400):
    header = _b64(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    claims = _b64(json.dumps({"sub": sub, "iat": int(time.time()), "exp": int(time.time()) + lifetime}).encode())
    signing_input = f"{header}.{claims}".encode()
    signature = subprocess.run(
        ["openssl", "dgst", "-sha256", "-sign", key_path], input=signing_input, check=True, capture_output=True
    ).stdout
    return f"{header}.{claims}.{_b64(signature)}"
