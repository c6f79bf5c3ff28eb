"""What the font scripts share: OUTPUT_DIR FONT... arguments, skipping fonts already done, atomic writes."""
import os
import sys


def run(usage, suffix, make, verb):
    """Calls make(font, source) for each FONT whose OUTPUT_DIR/<name><suffix> is missing or older, then saves it
    beside its final name and renames it, so an interrupted run never leaves a half-written font behind."""
    if len(sys.argv) < 3:
        raise SystemExit(usage)
    output = sys.argv[1]
    os.makedirs(output, exist_ok=True)
    for source in sys.argv[2:]:
        target = os.path.join(output, os.path.splitext(os.path.basename(source))[0] + suffix)
        if os.path.exists(target) and os.path.getmtime(target) >= os.path.getmtime(source):
            continue
        font = make(source)
        partial = target + ".partial"
        font.save(partial)
        os.replace(partial, target)
        print(f"{verb} {source} -> {target}")
