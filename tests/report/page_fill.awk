# Per page of `pdftotext -bbox` output: how far down the text reaches within the 16 mm margins
# (the page footer in the bottom margin is left out), as a percentage of the text area.
function num(s, key,   r) { if (match(s, key "=\"[0-9.]+\"")) { r = substr(s, RSTART + length(key) + 2, RLENGTH - length(key) - 3); return r + 0 } return -1 }
/<page / { n++; h = num($0, "height"); top = 16 * 72 / 25.4; bottom = h - top; maxy[n] = top }
/<word / { y0 = num($0, "yMin"); y1 = num($0, "yMax"); if (y0 < bottom && y1 > maxy[n]) maxy[n] = y1 }
END { for (i = 1; i <= n; i++) printf "%d %d\n", i, int(100 * (maxy[i] - top) / (bottom - top) + 0.5) }
