"""Writes a notebook (tslab kernel, no outputs) from a list of ("md"|"code", text) cells.
Usage from another script: from nb import write; write(path, cells)."""
import json

def write(path, cells):
    nb = {
        "cells": [
            ({"cell_type": "markdown", "metadata": {}, "source": text.strip("\n").splitlines(True)}
             if kind == "md" else
             {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": text.strip("\n").splitlines(True)})
            for kind, text in cells
        ],
        "metadata": {
            "kernelspec": {"display_name": "TypeScript", "language": "typescript", "name": "tslab"},
            "language_info": {"codemirror_mode": {"mode": "typescript", "name": "javascript", "typescript": True}, "file_extension": ".ts", "mimetype": "text/typescript", "name": "typescript", "version": "3.7.2"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    for i, c in enumerate(nb["cells"]):
        c["id"] = f"c{i:03d}"
    with open(path, "w") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
        f.write("\n")
