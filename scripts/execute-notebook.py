#!/usr/bin/python3
"""Executes a notebook in a Jupyter kernel and writes it back with its outputs.

    /usr/bin/python3 scripts/execute-notebook.py IN.ipynb OUT.ipynb [KERNEL]

Drives the kernel with jupyter_client (Debian's python3-jupyter-client) cell by cell, as nbconvert does,
with one difference: after a cell's kernel reports idle, it keeps reading IOPub for that cell for a
moment, because Deno's kernel can publish a cell's result just after its idle status, and a driver
that stops at idle (nbconvert's nbclient does) loses it now and then on a loaded machine.
"""
import json
import queue
import sys
import time

from jupyter_client.manager import start_new_kernel

GRACE = 1.0  # seconds of IOPub read after idle
TIMEOUT = 180.0  # seconds a cell may take


def run(path_in, path_out, kernel):
    with open(path_in, encoding="utf-8") as f:
        nb = json.load(f)
    km, kc = start_new_kernel(kernel_name=kernel, cwd=None)
    try:
        count = 0
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            msg_id = kc.execute(source)
            outputs = []
            idle_at = None
            deadline = time.time() + TIMEOUT
            while True:
                if idle_at is not None and time.time() - idle_at > GRACE:
                    break
                if time.time() > deadline:
                    raise TimeoutError(f"cell {count + 1} did not finish in {TIMEOUT} s")
                try:
                    msg = kc.get_iopub_msg(timeout=0.2)
                except queue.Empty:
                    continue
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "status" and content["execution_state"] == "idle":
                    idle_at = time.time()
                elif kind in ("execute_result", "display_data"):
                    out = {"output_type": kind, "data": content["data"], "metadata": content.get("metadata", {})}
                    if kind == "execute_result":
                        out["execution_count"] = content.get("execution_count")
                    outputs.append(out)
                elif kind == "stream":
                    outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
                elif kind == "error":
                    outputs.append({"output_type": "error", "ename": content["ename"], "evalue": content["evalue"], "traceback": content["traceback"]})
            count += 1
            cell["outputs"] = outputs
            cell["execution_count"] = count
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    with open(path_out, "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
    errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "deno"))
