"""The command line speaks Chinese: every help text, argparse's own words and usage errors."""

from __future__ import annotations

import argparse
import inspect
import re
from collections.abc import Iterator

import pytest

from app.cli import argparse_zh
from app.cli.help_format import columns, wrap_columns
from main import _register_gui, main

CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_ARGPARSE_WORDS = ("usage", "positional arguments", "options", "show this help", "error:")


def _parsers(
    parser: argparse.ArgumentParser, path: str = "packdesk"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every parser of the tree, the top one included, with the words that call it."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


def _texts(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str]]:
    """The description, epilog and help texts `--help` shows for one parser."""
    for what in ("description", "epilog"):
        if getattr(parser, what):
            yield what, getattr(parser, what)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield "/".join(action.option_strings) or action.dest, action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._get_subactions():
                if choice.help:
                    yield choice.dest, choice.help


@pytest.fixture(scope="module")
def parsers() -> list[tuple[str, argparse.ArgumentParser]]:
    from app.cli import build_parser

    return list(_parsers(build_parser(extra=_register_gui)))


def test_every_help_text_of_every_command_is_chinese(parsers) -> None:
    english = [
        f"{path} {what}: {text!r}"
        for path, parser in parsers
        for what, text in _texts(parser)
        if not CHINESE.search(text)
    ]
    assert len(parsers) > 80
    assert english == []


def test_every_commands_help_renders_in_chinese(parsers, monkeypatch) -> None:
    """A stray % in a help text makes --help crash; English headings mean argparse_zh is off.
    Lines holding Chinese must also fit the terminal, counted in columns, not characters."""
    monkeypatch.setenv("COLUMNS", "80")
    for path, parser in parsers:
        text = parser.format_help()
        assert text.startswith("用法：" + path), path
        assert not [w for w in ENGLISH_ARGPARSE_WORDS if w in text], path
        too_wide = [ln for ln in text.splitlines() if CHINESE.search(ln) and columns(ln) > 78]
        assert too_wide == [], path


@pytest.mark.parametrize("argv", [["--help"], ["print", "waybill", "--help"], ["carriers", "-h"]])
def test_help_shows_chinese_argparse_words(argv, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert "用法：packdesk" in out
    assert "选项:" in out and "显示本帮助并退出" in out
    assert not [w for w in ENGLISH_ARGPARSE_WORDS if w in out.lower()]


def test_the_carriers_add_help_says_how_a_new_carrier_starts(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["carriers", "--help"])
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.strip().startswith("add"))
    assert "停用" in line and "标准快递" in line


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["print", "waybill", "A1", "--out", "w.pdf", "--size", "1x1"],
            "packdesk print waybill：错误：--size：没有「1x1」这一项（可选：'76x130'",
        ),
        (["print", "waybill", "A1"], "packdesk print waybill：错误：缺少必须填写的参数：--out"),
        (["print", "waybill", "--out", "w.pdf"], "缺少必须填写的参数：ORDER_NO"),
        (["print", "waybill", "A1", "--out"], "--out：后面要跟一个值"),
        (["orders", "surplus"], "packdesk：错误：多余或不认识的参数：surplus"),
        (["orders", "--json=yes"], "--json：这一项不带值，却给了「yes」"),
        (["no-such-command"], "COMMAND：没有「no-such-command」这一项"),
        (["returns", "review", "R1", "--reason", "x"], "--approve --reject 必须选一个"),
        (
            ["returns", "review", "R1", "--approve", "--reject", "--reason", "x"],
            "--reject：不能和 --approve 一起用",
        ),
    ],
)
def test_usage_errors_are_chinese_and_exit_2(argv, message, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：packdesk")
    assert message in err
    assert not [w for w in ENGLISH_ARGPARSE_WORDS if w in err.lower()]


def test_every_translated_text_is_one_argparse_uses() -> None:
    """A misspelt key would never be looked up, and its English would show."""
    source = inspect.getsource(argparse)
    ids = [*argparse_zh.MESSAGES, *(w for pair in argparse_zh.PLURAL_MESSAGES for w in pair)]
    unused = [i for i in ids if f"'{i}'".replace("\n", "\\n") not in source]
    assert unused == []


def test_a_text_without_translation_stays_english() -> None:
    assert argparse_zh.gettext("some new argparse text") == "some new argparse text"
    assert argparse_zh.gettext(None) is None
    assert argparse_zh.ngettext("%s apple", "%s apples", 2) == "%s apples"
    assert argparse_zh.ngettext("expected %s argument", "expected %s arguments", 2) == (
        "后面要跟 %s 个值"
    )


def test_chinese_wraps_by_columns_and_keeps_marks_with_their_words() -> None:
    text = "从快递公司或物流查询平台导出的文件（CSV/XLSX）导入物流轨迹，如 已签收、派送中"
    lines = wrap_columns(text, 20)
    assert all(columns(ln) <= 20 for ln in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not [ln for ln in lines if ln[0] in "，、）" or ln[-1] in "（"]
    assert wrap_columns("an English sentence stays in words", 12) == [
        "an English",
        "sentence",
        "stays in",
        "words",
    ]


@pytest.mark.parametrize(
    ("argv", "choices"),
    [
        (["carriers"], "{rank,choose,sort-code,list,"),
        (["tracking"], "{assign,pool,"),
        (["tracking", "pool"], "{import}"),
        (["handover"], "{start,scan,close"),
        (["settings"], "{list,get,set}"),
        (["packaging"], "{list,add,seed}"),
        (["print"], "waybill"),
        (["count"], "{due,start,scan,show,approve}"),
        (["catalog"], "{"),
        (["feedback"], "{add"),
    ],
)
def test_a_missing_subcommand_is_named_by_its_choices(argv, choices, capsys) -> None:
    """`packdesk carriers` said 缺少必须填写的参数：carriers_command, an internal name, and
    `packdesk settings` said ACTION without saying which actions there are."""
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    missing = err.rsplit("缺少必须填写的参数：", 1)[1]
    assert missing.startswith("{") and choices in missing
    assert "_command" not in err
