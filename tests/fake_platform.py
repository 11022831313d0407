"""A platform that lives in a folder: every message it accepts is one line in ``sent.jsonl``.

The folder stands for the school's account on X: it is shared by every clone and every process in a
test, so "sent twice" is two lines for the same post, whoever sent them. Before accepting, it notes
what the remote's ledger branch held at that moment, so a test can see the claim was pushed first.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from postplan.publish.platform import Message, Sent

BRANCH = "postplan-ledger"


def remote_ledger(remote: Path) -> list[dict]:
    """The ledger as the remote (the stand-in for GitHub) has it on the ledger branch."""
    done = subprocess.run(["git", "--git-dir", str(remote), "show", f"{BRANCH}:ledger.jsonl"],
                          capture_output=True, text=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()] if done.returncode == 0 else []


class FolderPlatform:
    """Accepts every message, writing it down; ``remote`` is the bare repository whose ledger it looks at."""

    name = "x"

    def __init__(self, folder: Path, remote: Path):
        self.folder, self.remote = folder, remote

    def send(self, message: Message) -> Sent:
        claimed = [e["state"] for e in remote_ledger(self.remote) if e["post"] == message.post_id
                   and e.get("part") == message.part]
        self.folder.mkdir(parents=True, exist_ok=True)
        number = len(sent(self.folder)) + 1
        line = {"post": message.post_id, "part": message.part, "text": message.text, "remote_had": claimed}
        with (self.folder / "sent.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(line) + "\n")
        return Sent(id=str(1000 + number), url=f"https://x.com/TregarrowCP/status/{1000 + number}")


def sent(folder: Path) -> list[dict]:
    path = folder / "sent.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
