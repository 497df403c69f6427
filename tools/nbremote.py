#!/usr/bin/env python3
"""Drive a running Jupyter server (a local `./course open` or a JupyterHub user's
server) through its REST and websocket API, as a browser would: read and save
notebooks (contents API), start a kernel for a notebook (sessions API, so the
kernel's working folder is the notebook's folder) and execute its code cells.

Used by tools/test_open.py, tools/test_hub.py and tools/hub_load.py. Needs only
tornado (which the classic Notebook and JupyterHub both bring).

    server = Server("http://127.0.0.1:8888/", token)        # or .../user/alice/
    nb = server.get("00-setup-check.ipynb")                  # notebook JSON
    result = server.execute("00-setup-check.ipynb")          # Result
    server.put("00-setup-check.ipynb", nb)                   # save
"""
import asyncio
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid


def request(url, token=None, method="GET", body=None, timeout=30):
    """One HTTP request; returns (status, parsed JSON or text); status 0 if nothing answered. Never raises."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if token:
        req.add_header("Authorization", f"token {token}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode(errors="replace")
    except (urllib.error.URLError, OSError) as e:      # not listening (yet), reset, timed out
        return 0, str(e)
    try:
        return status, json.loads(text) if text else None
    except ValueError:
        return status, text


class Result:
    """What executing a notebook gave: per code cell, its outputs; problems found."""

    def __init__(self):
        self.cells = []        # [(source, [output dicts])]
        self.problems = []     # strings
        self.seconds = 0.0
        self.attempts = 0

    @property
    def ok(self):
        return not self.problems

    def stdout(self):
        return "".join(o.get("text", "") for _, outs in self.cells for o in outs
                       if o.get("output_type") == "stream" and o.get("name") == "stdout")


class Server:
    _why = ""                                  # why the last kernel start failed

    def __init__(self, base_url, token):
        self.base = base_url if base_url.endswith("/") else base_url + "/"
        self.token = token

    def api(self, path, method="GET", body=None, timeout=30):
        return request(self.base + "api/" + path, self.token, method, body, timeout)

    def get(self, path):
        status, model = self.api("contents/" + urllib.parse.quote(path))
        if status != 200:
            raise RuntimeError(f"GET contents/{path}: HTTP {status} {model}")
        return model["content"]

    def put(self, path, nb):
        status, model = self.api("contents/" + urllib.parse.quote(path), "PUT",
                                 {"type": "notebook", "format": "json", "content": nb})
        if status not in (200, 201):
            raise RuntimeError(f"PUT contents/{path}: HTTP {status} {model}")
        return model

    def execute(self, path, extra_cells=(), cell_timeout=600, start_timeout=30, attempts=4, settle=3.0):
        """Execute the notebook's code cells (then extra_cells, a list of sources)
        in a fresh kernel started for that notebook. A kernel that does not answer
        kernel_info within start_timeout is replaced, up to `attempts` times."""
        result = Result()
        nb = self.get(path)
        sources = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                   for c in nb["cells"] if c["cell_type"] == "code"] + list(extra_cells)
        t0 = time.time()
        for attempt in range(1, attempts + 1):
            result.attempts = attempt
            status, session = self.api("sessions", "POST",
                                       {"path": path, "type": "notebook", "name": path,
                                        "kernel": {"name": "java"}})
            if status not in (200, 201):
                result.problems.append(f"could not start a kernel: HTTP {status} {session}")
                break
            kid = session["kernel"]["id"]
            # rapaio 3.0.1 can miss a kernel_info_request that arrives while it is still
            # starting (and then never answers it); give its JVM a moment before connecting.
            time.sleep(settle)
            try:
                started = asyncio.run(self._run(kid, sources, result, cell_timeout, start_timeout))
            finally:
                self.api(f"sessions/{session['id']}", "DELETE")
            if started:
                break
            time.sleep(1)
            result.problems.append(f"attempt {attempt}: the kernel never answered ({self._why})")
        else:
            pass
        if result.cells and result.problems and all(p.startswith("attempt ") for p in result.problems):
            result.problems.clear()      # an earlier start hung, a later one ran: not a failure of the notebook
        result.seconds = time.time() - t0
        return result

    async def _run(self, kid, sources, result, cell_timeout, start_timeout):
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect
        ws_base = "ws" + self.base[4:] if self.base.startswith("http") else self.base
        req = HTTPRequest(f"{ws_base}api/kernels/{kid}/channels",
                          headers={"Authorization": f"token {self.token}"},
                          connect_timeout=start_timeout, request_timeout=start_timeout)
        try:
            # The server answers the websocket only once the kernel has answered kernel_info.
            ws = await websocket_connect(req)
        except Exception as e:            # a kernel that never started: the caller starts another
            self._why = f"the server refused the kernel's websocket: {e}"
            return False
        session = uuid.uuid4().hex

        def send(msg_type, content):
            mid = uuid.uuid4().hex
            ws.write_message(json.dumps({
                "header": {"msg_id": mid, "msg_type": msg_type, "session": session, "username": "",
                           "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}))
            return mid

        async def replies(mid, until, timeout):
            """Collect messages whose parent is mid until until(msg) is true."""
            deadline = time.time() + timeout
            got = []
            while True:
                left = deadline - time.time()
                if left <= 0:
                    return got, False
                try:
                    raw = await asyncio.wait_for(ws.read_message(), left)
                except asyncio.TimeoutError:
                    return got, False
                if raw is None:
                    return got, False
                msg = json.loads(raw)
                if msg.get("parent_header", {}).get("msg_id") != mid:
                    continue
                got.append(msg)
                if until(msg):
                    return got, True

        from tornado.websocket import WebSocketClosedError
        try:
            mid = send("kernel_info_request", {})
            _, ok = await replies(mid, lambda m: m["msg_type"] == "kernel_info_reply", start_timeout)
            if not ok:
                self._why = f"no kernel_info_reply within {start_timeout} s"
                return False
            for src in sources:
                mid = send("execute_request", {"code": src, "silent": False, "store_history": True,
                                               "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
                msgs, ok = await replies(mid, lambda m: m["msg_type"] == "status"
                                         and m["content"].get("execution_state") == "idle", cell_timeout)
                outputs = []
                for m in msgs:
                    t, content = m["msg_type"], m["content"]
                    if t == "stream":
                        outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
                    elif t in ("execute_result", "display_data"):
                        outputs.append({"output_type": t, "data": content.get("data", {})})
                    elif t == "error":
                        outputs.append({"output_type": "error", "ename": content.get("ename"),
                                        "evalue": content.get("evalue")})
                result.cells.append((src, outputs))
                first_line = src.strip().splitlines()[0][:60] if src.strip() else ""
                if not ok:
                    result.problems.append(f"cell {len(result.cells) - 1} did not finish within {cell_timeout} s: {first_line}")
                    return True
                for o in outputs:
                    if o["output_type"] == "error":
                        result.problems.append(f"cell {len(result.cells) - 1}: {o['ename']}: {o['evalue']} | {first_line}")
                    if o["output_type"] == "stream" and o["name"] == "stderr":
                        result.problems.append(f"cell {len(result.cells) - 1} wrote to stderr: {o['text'][:200]!r}")
                if any(o["output_type"] == "error" for o in outputs):
                    return True
            return True
        except WebSocketClosedError:
            if not result.cells:
                self._why = "the server closed the kernel's websocket before any cell ran"
                return False                # closed before anything ran: try another kernel
            result.problems.append(f"the kernel's connection closed after cell {len(result.cells) - 1}")
            return True
        finally:
            ws.close()
