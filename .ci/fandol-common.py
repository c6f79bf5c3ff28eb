#!/usr/bin/env python3
"""Cuts each converted Fandol face down to the characters nearly every report is written in.

usage: fandol-common.py OUTPUT_DIR FONT.ttf...

FONT.ttf becomes OUTPUT_DIR/FONT.common.ttf holding ASCII, the GB2312 symbol rows (punctuation, full-width forms,
numbers in circles, …), general and CJK punctuation, and GB2312 level 1 (the 3,755 most used hanzi, over 99 % of
running text): about 4,500 of Fandol's 10,400 glyphs, well under half the bytes. The typesetter asks this face first
and the full face for anything else, so a cold render reads, checksums and parses less than half of each face
(see src/Reporting.Typesetting/BENCH.md). Outlines, metrics and names are Fandol's own: a PDF shows the same
font name and the same shapes. A .common.ttf newer than its source is skipped; each is written beside its final name
and renamed, so an interrupted run never leaves a half-written font.
"""
import fontjobs
from fontTools import subset
from fontTools.ttLib import TTFont


def gb2312(first_rows, last_rows):
    chars = set()
    for b1 in range(first_rows, last_rows + 1):
        for b2 in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([b1, b2]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def common_characters():
    chars = set(range(0x20, 0x7F))
    chars |= gb2312(0xA1, 0xA9)        # symbols, full-width ASCII, kana, Greek, Cyrillic, pinyin, box drawing
    chars |= gb2312(0xB0, 0xD7)        # level 1 hanzi
    chars |= set(range(0x2010, 0x2070))  # general punctuation: dashes, quotes, ellipsis
    chars |= set(range(0x3000, 0x3040))  # CJK punctuation
    chars |= set(range(0xFF00, 0xFFF0))  # full-width forms
    chars |= {0x00B7, 0x00D7, 0x00F7}
    return chars


def cut(source):
    font = TTFont(source, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    cmap = font.getBestCmap()
    subsetter.populate(unicodes=[c for c in common_characters() if c in cmap])
    subsetter.subset(font)
    return font


def main():
    fontjobs.run(__doc__, ".common.ttf", cut, "cut")


if __name__ == "__main__":
    main()
