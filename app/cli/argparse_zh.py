"""Chinese for argparse's own words: "usage:", the section headings and its usage errors.

argparse marks these texts for gettext, but Python ships no Chinese catalogue for argparse and
the desk installs no .mo files, so a clerk would read English around the Chinese help texts
of `packdesk --help` and in every usage error. argparse looks each text up when it is shown,
through its module-level names `_` and `ngettext`; `install()` points those two names at the
tables below. A text that is not in them, such as one a newer Python adds, keeps its English
words instead of failing.

Only what a clerk can meet is listed. The errors argparse raises while a parser is being
built (conflicting options, a bad `dest`) are for the programmer and stay English.
`install()` changes argparse for the whole process, which suits `packdesk`: it builds no
other parser.
"""

from __future__ import annotations

import argparse

# argparse's message ids (Python 3.11), word for word, with their Chinese. A translation may
# use the placeholders in another order or as %s instead of %r, but must keep their names.
MESSAGES: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "subcommands": "子命令",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必须填写的参数：%s",
    "one of the arguments %s is required": "%s 必须选一个",
    "not allowed with argument %s": "不能和 %s 一起用",
    "unrecognized arguments: %s": "多余或不认识的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "没有「%(value)s」这一项（可选：%(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "「%(value)s」不是有效的 %(type)s 值",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "没有「%(parser_name)s」这个命令（可选：%(choices)s）"
    ),
    # argparse takes a value that starts with "-" (such as -1*CODE) for an option and then
    # finds the option before it without its value; written as --scan=-1*CODE it is a value.
    "expected one argument": "后面要跟一个值（值以 - 开头时，请写成 选项=值）",
    "expected at most one argument": "后面最多跟一个值",
    "expected at least one argument": "后面至少要跟一个值（值以 - 开头时，请写成 选项=值）",
    "ambiguous option: %(option)s could match %(matches)s": (
        "%(option)s 不明确，可能是 %(matches)s"
    ),
    "ignored explicit argument %r": "这一项不带值，却给了「%s」",
    "unexpected option string: %s": "这里不该有选项 %s",
}

# The texts argparse looks up with ngettext, keyed by (singular, plural). Chinese has no
# plural, so one translation serves every count.
PLURAL_MESSAGES: dict[tuple[str, str], str] = {
    ("expected %s argument", "expected %s arguments"): "后面要跟 %s 个值",
}


def gettext(message: str) -> str:
    """argparse's `_`; it also passes None (a subcommand group without description)."""
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    english = singular if count == 1 else plural
    return PLURAL_MESSAGES.get((singular, plural), english)


def install() -> None:
    """Make argparse speak Chinese; calling it again changes nothing."""
    argparse._ = gettext
    argparse.ngettext = ngettext
