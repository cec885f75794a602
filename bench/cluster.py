"""What the cluster row runs beside the servers: a throwaway PostgreSQL and nginx as a round-robin
reverse proxy in front of the instances, and the store round trips the instances count.

PostgreSQL is Debian's server package (`/usr/lib/postgresql/<version>/bin`, apt-get install
postgresql) or whatever `initdb` is on PATH; it gets a temporary data directory and a free
loopback port, trusts loopback connections and is stopped, its files removed, when the `with`
block ends, also on an error. As root it runs as the `postgres` user (initdb refuses root).
"""

import glob
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request

from standin import NGINX_HEAD, nginx_user, start_nginx

PROXY = NGINX_HEAD + """http {{
    access_log off;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    upstream instances {{
{servers}
        keepalive 64;
        keepalive_requests 1000000;
    }}
    server {{
        listen 127.0.0.1:{port};
        keepalive_requests 1000000;
        keepalive_timeout 300s;
        location / {{
            proxy_pass http://instances;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_buffering off;
            proxy_read_timeout 1h;
        }}
    }}
}}
"""


def postgres_binaries():
    """The folder holding initdb and pg_ctl, the newest version first; None when PostgreSQL's
    server is not installed."""
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda path: [int(part) for part in re.findall(r"\d+", path)], reverse=True)
    found = versions[0] if versions else shutil.which("initdb")
    return os.path.dirname(found) if found else None


def unavailable():
    """Why the cluster row cannot run here, or None."""
    if not postgres_binaries():
        return "PostgreSQL's server is not installed (apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, and there is no postgres user to run PostgreSQL as"
    return None


def tail(path, lines=3):
    """A file's last lines on one line, for an error message."""
    try:
        with open(path, errors="replace") as file:
            return " / ".join(file.read().strip().splitlines()[-lines:])
    except OSError:
        return "(none)"


class Postgres:
    """PostgreSQL on 127.0.0.1:port; `with Postgres(port) as store:` and store.url."""

    def __init__(self, port):
        self.port = port
        self.url = f"postgres://postgres@127.0.0.1:{port}/postgres?sslmode=disable"
        self.bin = postgres_binaries()
        self.root = None
        self.started = False

    def __enter__(self):
        # A folder of its own, not the bench's: as root it is handed to the postgres user.
        self.root = tempfile.mkdtemp(prefix="paragon-bench-postgres-")
        try:
            if os.geteuid() == 0:
                owner = pwd.getpwnam("postgres")
                os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self.run("initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "--no-sync")
            self.started = True
            try:
                self.run("pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "30", "-o",
                         f"-p {self.port} -h 127.0.0.1 -k {self.root}", "start")
            except RuntimeError as error:
                raise RuntimeError(f"{error}; its log: {tail(self.log)}") from None
            return self
        except BaseException:
            self.__exit__()
            raise

    def __exit__(self, *exc):
        try:
            if self.started:
                self.run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop", check=False)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    @property
    def data(self):
        return os.path.join(self.root, "data")

    @property
    def log(self):
        return os.path.join(self.root, "log")

    def run(self, program, *arguments, check=True):
        """Runs one of the server's programs as the data directory's owner. Its output goes to a
        file, never a pipe: pg_ctl's server would hold a pipe open after pg_ctl exits."""
        command = [os.path.join(self.bin, program), *arguments]
        if os.geteuid() == 0:
            command = [shutil.which("runuser") or "/usr/sbin/runuser", "-u", "postgres", "--"] + command
        output = os.path.join(self.root, program + ".out")
        with open(output, "ab") as file:
            result = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=file, stderr=subprocess.STDOUT)
        if check and result.returncode != 0:
            raise RuntimeError(f"PostgreSQL's {program} failed ({result.returncode}): {tail(output)}")


class Proxy:
    """nginx on 127.0.0.1:port, round-robin over the instances' ports, keeping connections to
    them open; `with Proxy(root, port, ports) as proxy:`."""

    def __init__(self, root, port, upstream_ports):
        self.root, self.port, self.upstream_ports = root, port, upstream_ports
        self.process = None

    def __enter__(self):
        os.makedirs(self.root, exist_ok=True)
        servers = "\n".join(f"        server 127.0.0.1:{port};" for port in self.upstream_ports)
        config = PROXY.format(root=self.root, port=self.port, servers=servers, user=nginx_user())

        def ready():
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1):
                pass

        self.process = start_nginx(self.root, config, ready, name="the proxy's nginx")
        return self

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


ROUND_TRIPS = re.compile(r"^paragon_mcp_store_round_trips_total(?:\{[^}]*\})?\s+(\S+)", re.M)


def store_round_trips(ports):
    """The instances' store round trips so far: paragon_mcp_store_round_trips_total from each
    one's /metrics, summed over its labels and over the instances."""
    total = 0.0
    for port in ports:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            total += sum(float(value) for value in ROUND_TRIPS.findall(response.read().decode()))
    return total
