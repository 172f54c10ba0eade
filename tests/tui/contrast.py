#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""contrast.py: the contrast of every glyph of a screen as a default PuTTY
paints it.

Reads `tmux capture-pane -e -p` output on standard input, replays its SGR
sequences cell by cell, and paints each cell the way PuTTY does with its
default settings: its 16-colour palette, the xterm 256-colour cube and grey
ramp, reverse video applied first, then "bold as colour" brightening colours
0-7 and the default foreground (and the default background when reverse
made it the foreground).  Every cell that holds a glyph (not a space) must
have a WCAG contrast ratio of at least MIN (4.5) between its foreground and
background.  Prints one line per failing glyph run and exits 1 if any.

With --pairs VIEW_C, also the colour pairs of the board (the table of
view_colors in src/board/view.c, as the board paints them in colour): each
must have that contrast in PuTTY's palette, and those named by --seen
(NAME,...: OVERDUE, CURSOR...) must be painted on some glyph of the
capture, which proves the pair reaches the terminal.

Usage: contrast.py [--min 4.5] [--show] [--pairs VIEW_C [--seen NAMES]]
                   < capture.txt
"""
import re
import sys

PALETTE = [
    (0, 0, 0), (187, 0, 0), (0, 187, 0), (187, 187, 0),
    (0, 0, 187), (187, 0, 187), (0, 187, 187), (187, 187, 187),
    (85, 85, 85), (255, 85, 85), (85, 255, 85), (255, 255, 85),
    (85, 85, 255), (255, 85, 255), (85, 255, 255), (255, 255, 255),
]
DEF_FG, DEF_BOLD_FG = (187, 187, 187), (255, 255, 255)
DEF_BG, DEF_BOLD_BG = (0, 0, 0), (85, 85, 85)
LEVELS = [0, 95, 135, 175, 215, 255]


def rgb(c):
    """A colour as PuTTY's index or ('def', 'fg'|'bg') → RGB."""
    if c == 'fg':
        return DEF_FG
    if c == 'bg':
        return DEF_BG
    if c == 'boldfg':
        return DEF_BOLD_FG
    if c == 'boldbg':
        return DEF_BOLD_BG
    if isinstance(c, tuple):
        return c
    if c < 16:
        return PALETTE[c]
    if c < 232:
        c -= 16
        return (LEVELS[c // 36], LEVELS[(c // 6) % 6], LEVELS[c % 6])
    v = 8 + 10 * (c - 232)
    return (v, v, v)


def lum(c):
    def ch(v):
        v /= 255.0
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = c
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def ratio(a, b):
    la, lb = lum(a), lum(b)
    if la < lb:
        la, lb = lb, la
    return (la + 0.05) / (lb + 0.05)


class Attr:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg, self.bg = 'fg', 'bg'
        self.bold = self.reverse = self.dim = False

    def sgr(self, params):
        ps = [int(p) if p else 0 for p in params.split(';')] if params else [0]
        i = 0
        while i < len(ps):
            p = ps[i]
            if p == 0:
                self.reset()
            elif p == 1:
                self.bold = True
            elif p == 2:
                self.dim = True
            elif p == 7:
                self.reverse = True
            elif p == 22:
                self.bold = self.dim = False
            elif p == 27:
                self.reverse = False
            elif 30 <= p <= 37:
                self.fg = p - 30
            elif p == 39:
                self.fg = 'fg'
            elif 40 <= p <= 47:
                self.bg = p - 40
            elif p == 49:
                self.bg = 'bg'
            elif 90 <= p <= 97:
                self.fg = p - 90 + 8
            elif 100 <= p <= 107:
                self.bg = p - 100 + 8
            elif p in (38, 48) and i + 1 < len(ps):
                if ps[i + 1] == 5 and i + 2 < len(ps):
                    val = ps[i + 2]
                    i += 2
                elif ps[i + 1] == 2 and i + 4 < len(ps):
                    val = tuple(ps[i + 2:i + 5])
                    i += 4
                else:
                    val = None
                if val is not None:
                    if p == 38:
                        self.fg = val
                    else:
                        self.bg = val
            i += 1

    def paint(self):
        """(fg RGB, bg RGB) as PuTTY shows this cell."""
        fg, bg = self.fg, self.bg
        if self.reverse:
            fg, bg = bg, fg
        if self.bold:
            if isinstance(fg, int) and fg < 8:
                fg += 8
            elif fg == 'fg':
                fg = 'boldfg'
            elif fg == 'bg':
                fg = 'boldbg'
        return rgb(fg), rgb(bg)


SGR = re.compile(r'\x1b\[([0-9;]*)m')
OTHER = re.compile(r'\x1b(\[[0-9;?]*[A-Za-z]|[()][0-9A-Za-z]|[=>])')


COLORS = {'COLOR_BLACK': 0, 'COLOR_RED': 1, 'COLOR_GREEN': 2,
          'COLOR_YELLOW': 3, 'COLOR_BLUE': 4, 'COLOR_MAGENTA': 5,
          'COLOR_CYAN': 6, 'COLOR_WHITE': 7}
PAINT = re.compile(r'\[PAINT_([A-Z]+)\]\s*=\s*\{\s*([-\w]+),\s*([-\w]+),'
                   r'\s*([^,]+),\s*([^}]+)\}')


def pairs(view_c):
    """{NAME: (fg RGB, bg RGB)} of view_colors' table, in colour."""
    text = open(view_c, encoding='utf-8').read()
    body = text[text.index('def[PAINT_COUNT]'):]
    body = body[:body.index('};')]
    out = {}
    for name, fg, bg, _mono, color in PAINT.findall(body):
        a = Attr()
        if fg != '-2':
            a.fg = COLORS.get(fg, 'fg')
            a.bg = COLORS.get(bg, 'bg')
        a.bold = 'A_BOLD' in color
        a.reverse = 'A_REVERSE' in color
        out[name] = a.paint()
    return out


def cells(text):
    """(row, column, character, (fg RGB, bg RGB)) of each cell of a
    capture, its SGR sequences replayed."""
    a = Attr()
    for y, line in enumerate(text.split('\n')):
        x = 0
        pos = 0
        while pos < len(line):
            m = SGR.match(line, pos)
            if m:
                a.sgr(m.group(1))
                pos = m.end()
                continue
            m = OTHER.match(line, pos)
            if m:
                pos = m.end()
                continue
            yield y, x, line[pos], a.paint()
            pos += 1
            x += 1


def painted(text):
    """The (fg RGB, bg RGB) of every glyph of a capture."""
    return {p for _y, _x, ch, p in cells(text) if not ch.isspace()}


def check(text, minimum, show):
    bad = []
    run = None
    for y, x, ch, (fg, bg) in cells(text):
        r = ratio(fg, bg)
        if show:
            print('%d,%d %r fg=%s bg=%s %.2f' % (y, x, ch, fg, bg, r))
        if not ch.isspace() and r < minimum:
            if run and run[0] == y and run[3] == (fg, bg):
                run[2] += ch
            else:
                run = [y, x, ch, (fg, bg), r]
                bad.append(run)
        else:
            run = None
    return bad


def main():
    minimum, show, view_c, seen = 4.5, False, None, []
    args = sys.argv[1:]
    while args:
        if args[0] == '--min' and len(args) > 1:
            minimum = float(args[1])
            args = args[2:]
        elif args[0] == '--show':
            show = True
            args = args[1:]
        elif args[0] == '--pairs' and len(args) > 1:
            view_c = args[1]
            args = args[2:]
        elif args[0] == '--seen' and len(args) > 1:
            seen = args[1].split(',')
            args = args[2:]
        else:
            sys.exit(__doc__)
    text = sys.stdin.read()
    bad = check(text, minimum, show)
    for y, x, glyphs, (fg, bg), r in bad:
        print('row %d col %d %r: fg %s on bg %s, contrast %.2f' %
              (y + 1, x + 1, glyphs, fg, bg, r))
    if view_c is not None:
        table = pairs(view_c)
        on_screen = painted(text)
        for name in sorted(table):
            fg, bg = table[name]
            r = ratio(fg, bg)
            if r < minimum:
                print('pair %s: fg %s on bg %s, contrast %.2f' %
                      (name, fg, bg, r))
                bad.append(name)
        for name in seen:
            if name not in table:
                print('pair %s: not in the table of %s' % (name, view_c))
                bad.append(name)
            elif table[name] not in on_screen:
                print('pair %s: fg %s on bg %s is on no glyph' %
                      ((name,) + table[name]))
                bad.append(name)
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
