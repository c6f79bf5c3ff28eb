#!/usr/bin/env python3
"""Converts OpenType fonts with CFF outlines into TrueType-outline fonts PDFsharp can embed.

usage: otf-to-ttf.py OUTPUT_DIR FONT.otf...

Each FONT.otf becomes OUTPUT_DIR/FONT.ttf: cubic outlines turned quadratic with cu2qu (max error 1 font unit),
hmtx left side bearings recomputed, maxp/post made TrueType's. Tables the typesetter never embeds nor reads
(layout and vertical tables) are dropped, which keeps the file, and the memory the app holds it in, smaller.
A font whose .ttf is newer than its .otf is skipped, so running this again costs nothing. Each file is written
beside its final name and renamed, so an interrupted run never leaves a half-written font behind.
"""
import fontjobs

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERR = 1.0
DROPPED = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "VORG", "vhea", "vmtx", "DSIG")


def convert(source):
    font = TTFont(source, recalcTimestamp=False)  # head.modified stays Fandol's: the same .ttf on every machine
    if "CFF " not in font:
        raise SystemExit(f"{source}: no CFF outlines")
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    quadratic = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        quadratic[name] = pen.glyph()

    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quadratic
    del font["CFF "]
    for tag in DROPPED:
        if tag in font:
            del font[tag]
    glyf.compile(font)

    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)

    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions"):
        setattr(maxp, field, 0)
    maxp.maxComponentElements = max((len(getattr(g, "components", []) or []) for g in glyf.glyphs.values()), default=0)
    maxp.compile(font)

    post = font["post"]
    post.formatType = 3.0  # no glyph names: the PDF never needs them and format 2 does not fit 30,000 glyphs
    font.sfntVersion = "\x00\x01\x00\x00"

    return font


def main():
    fontjobs.run(__doc__, ".ttf", convert, "converted")


if __name__ == "__main__":
    main()
