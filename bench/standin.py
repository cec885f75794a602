"""The upstream stand-in: nginx serving ActionKit-shaped answers from static files.

A catalog of INTEGRATIONS x ACTIONS actions (Paragon's size: 130 x 20, about 2,600 tools) taken
from the sandbox's synthetic catalog (Sources/Sandbox/Resources/synthetic-catalog.json, the same
tools as `paragon-mcp sandbox --synthetic 130x20`), a fixed answer for every action run, and
Zeus's integration list. nginx answers far faster than the sandbox, so it can stand behind a load
test without being the bottleneck.
"""

import json
import os
import re
import shutil
import subprocess
import time
import urllib.request

PROJECT = "bench"
RUN_ANSWER = '{"ok":true,"data":{"id":"bench-1","status":"done"}}'


SYNTHETIC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                         "Sources", "Sandbox", "Resources", "synthetic-catalog.json")


def synthetic(integrations, actions):
    """The first `integrations` x `actions` of the synthetic catalog as (key, [action]), with
    made-up ones past it named as SandboxCatalog.synthetic names them."""
    with open(SYNTHETIC, encoding="utf-8") as file:
        table = json.load(file)["integrations"]
    chosen = []
    for index in range(integrations):
        known = table[index] if index < len(table) else None
        key = known["name"] if known else f"integration{index}"
        listed = list(known["actions"][:actions]) if known else []
        prefix = re.sub(r"(?<=[^A-Z])(?=[A-Z])", "_", key).upper()
        for number in range(len(listed), actions):
            listed.append({
                "name": f"{prefix}_ACTION_{number}",
                "description": f"Synthetic action {number} of {key}: answers with a fixed result.",
                "parameters": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "description": "An identifier"},
                        "count": {"type": "integer", "minimum": 0, "maximum": 1000},
                        "mode": {"type": "string", "enum": ["fast", "thorough"]},
                        "tags": {"type": "array", "items": {"type": "string"}},
                    },
                    "required": ["id"],
                },
            })
        chosen.append((key, listed))
    return chosen


def catalog(integrations, actions):
    """ActionKit's GET /projects/{id}/actions body."""
    return {"actions": {key: [{"type": "function", "function": action} for action in listed]
                        for key, listed in synthetic(integrations, actions)}}


def integrations(count):
    """Zeus's GET /projects/{id}/sdk/integrations body."""
    return [{"id": f"int-{index}", "type": key, "isActive": True}
            for index, (key, _) in enumerate(synthetic(count, 0))]


# What every nginx of the bench starts with (format fields root and user), before its http block.
NGINX_HEAD = """
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
{user}
events {{ worker_connections 4096; }}
"""


def start_nginx(root, config, ready, name="nginx"):
    """Writes `config` to root/nginx.conf and runs nginx on it in the foreground; returns the
    process once `ready()` stops raising OSError (at most 10 s), else stops it and raises."""
    path = os.path.join(root, "nginx.conf")
    with open(path, "w") as file:
        file.write(config)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen([nginx, "-p", root, "-c", path, "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} failed: " + process.stderr.read().decode())
        try:
            ready()
            return process
        except OSError:
            time.sleep(0.02)
    process.terminate()
    process.wait(timeout=10)
    raise RuntimeError(f"{name} did not start")


def nginx_user():
    """nginx's `user` line: root's workers must be told to stay root."""
    return "user root;" if os.geteuid() == 0 else ""


CONFIG = NGINX_HEAD + """http {{
    access_log off;
    keepalive_requests 1000000;
    keepalive_timeout 300s;
    server {{
        listen 127.0.0.1:{port};
        default_type application/json;
        location = /projects/{project}/actions {{
            if ($request_method = POST) {{ return 200 '{answer}'; }}
            alias {root}/catalog.json;
        }}
        location = /projects/{project}/sdk/integrations {{
            alias {root}/integrations.json;
        }}
        location = /status {{ stub_status; }}
    }}
}}
"""


class StandIn:
    """nginx on 127.0.0.1:port with files under root; `with StandIn(...) as upstream:`."""

    def __init__(self, root, port, integrations_count=130, actions=20):
        self.root, self.port = root, port
        self.base = f"http://127.0.0.1:{port}"
        self.integrations, self.actions = integrations_count, actions
        self.process = None

    def __enter__(self):
        os.makedirs(self.root, exist_ok=True)
        with open(os.path.join(self.root, "catalog.json"), "w") as file:
            json.dump(catalog(self.integrations, self.actions), file, separators=(",", ":"))
        with open(os.path.join(self.root, "integrations.json"), "w") as file:
            json.dump(integrations(self.integrations), file, separators=(",", ":"))
        config = CONFIG.format(
            root=self.root, port=self.port, project=PROJECT, answer=RUN_ANSWER, user=nginx_user())
        self.process = start_nginx(self.root, config, self.status)
        return self

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def status(self):
        """nginx's stub_status: accepted connections and handled requests so far."""
        with urllib.request.urlopen(self.base + "/status", timeout=2) as response:
            lines = response.read().decode().splitlines()
        accepted, handled, requests = (int(value) for value in lines[2].split())
        return {"accepted": accepted, "requests": requests}
