#!/usr/bin/env python3
"""Reads hex digits (whitespace and ';;' comments ignored) from a file or stdin
and writes the bytes to the file named by the last argument."""
import sys

def main():
    src = open(sys.argv[1]) if len(sys.argv) > 2 else sys.stdin
    out = sys.argv[-1]
    digits = []
    for line in src:
        line = line.split(";;", 1)[0]
        digits.extend(line.split())
    with open(out, "wb") as f:
        f.write(bytes.fromhex("".join(digits)))

if __name__ == "__main__":
    main()
