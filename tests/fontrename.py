#!/usr/bin/env python3
"""fontrename.py IN OUT FAMILY: copy an OpenType font under another
family name (t_style.sh's --font-dir case: a publisher's face that
docconv's fonts-config/ does not know).

Only the 'name' table is rewritten (family, subfamily, full and
PostScript names, Windows Unicode records); every other table is
copied as it is, the table directory and checksums updated.
"""
import struct
import sys


def checksum(data):
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(">%dI" % (len(data) // 4), data)) & 0xFFFFFFFF


def name_table(family):
    ps = family.replace(" ", "")
    names = {1: family, 2: "Regular", 3: ps + "-Regular",
             4: family, 6: ps}
    recs, strs = b"", b""
    for nid in sorted(names):
        s = names[nid].encode("utf-16-be")
        recs += struct.pack(">6H", 3, 1, 0x409, nid, len(s), len(strs))
        strs += s
    head = struct.pack(">3H", 0, len(names), 6 + len(recs))
    return head + recs + strs


def main():
    src, dst, family = sys.argv[1:4]
    font = open(src, "rb").read()
    sfnt, ntab = struct.unpack(">IH", font[:6])
    tables = []
    for i in range(ntab):
        tag, _, off, ln = struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i])
        data = font[off:off + ln]
        if tag == b"name":
            data = name_table(family)
        if tag == b"head":
            # checksumAdjustment is set below, over the whole file.
            data = data[:8] + b"\0\0\0\0" + data[12:]
        tables.append((tag, data))
    out = bytearray(font[:12])
    off = 12 + 16 * ntab
    body = b""
    for tag, data in tables:
        out += struct.pack(">4sIII", tag, checksum(data), off + len(body),
                           len(data))
        body += data + b"\0" * (-len(data) % 4)
    out += body
    for i, (tag, data) in enumerate(tables):
        if tag == b"head":
            at = struct.unpack(">I", out[20 + 16 * i:24 + 16 * i])[0] + 8
            adj = (0xB1B0AFBA - checksum(bytes(out))) & 0xFFFFFFFF
            out[at:at + 4] = struct.pack(">I", adj)
    open(dst, "wb").write(out)


if __name__ == "__main__":
    main()
