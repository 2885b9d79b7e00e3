"""Vietnamese search: folding, stop words, tokens and keys, the JavaScript twin, the index."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from sphinx_hdnd.vietnamese import (
    STOPWORDS,
    fold,
    folded_stopwords,
    has_diacritics,
    index_keys,
    tokenize,
)

MINIMAL_DATA = Path(__file__).parent / "data" / "minimal" / "data"

# -- folding --------------------------------------------------------------------------------


@pytest.mark.parametrize(("word", "folded"), [
    ("đường", "duong"),
    ("Đường", "duong"),
    ("ĐƯỜNG", "duong"),
    ("ngân sách", "ngan sach"),
    ("Mường Nhé", "muong nhe"),
    ("A Pa Chải", "a pa chai"),
    ("nông thôn mới", "nong thon moi"),
    ("Điện Biên Phủ", "dien bien phu"),
    ("ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ýỳỷỹỵ", "aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy"),
    ("HĐND", "hdnd"),
    ("QL279", "ql279"),
    ("15.788,94", "15.788,94"),
    ("plain ascii", "plain ascii"),
])
def test_fold(word: str, folded: str) -> None:
    assert fold(word) == folded


def test_fold_decomposed_input() -> None:
    """Text pasted from some editors is decomposed (NFD): it folds the same."""
    decomposed = unicodedata.normalize("NFD", "Tuần Giáo, Nậm Pồ")
    assert decomposed != "Tuần Giáo, Nậm Pồ"
    assert fold(decomposed) == "tuan giao, nam po"
    assert index_keys(decomposed) == index_keys("Tuần Giáo, Nậm Pồ")


def test_has_diacritics() -> None:
    assert has_diacritics("đường") and has_diacritics("đi") and has_diacritics("Á")
    assert not has_diacritics("Pa") and not has_diacritics("duong")


# -- stop words ------------------------------------------------------------------------------


def test_stopwords_are_function_words_in_exact_form() -> None:
    for word in ["và", "của", "các", "những", "được", "trong", "cho", "với", "là", "có",
                 "đã", "này", "theo", "về", "từ", "tại", "để", "một"]:
        assert word in STOPWORDS
    # never content words, negations, or words of this domain
    for word in ["cửa", "đê", "tài", "chợ", "trồng", "dược", "tư", "không", "chưa", "việc",
                 "ngân", "sách", "đường", "qua", "cùng", "xã", "huyện", "tỉnh"]:
        assert word not in STOPWORDS
    assert all(w == unicodedata.normalize("NFC", w.lower()) for w in STOPWORDS)
    assert 20 <= len(STOPWORDS) <= 60


def test_stopwords_not_indexed_but_their_lookalikes_are() -> None:
    keys = index_keys("Mở cửa khẩu của huyện và đê của xã")
    assert "của" not in keys and "và" not in keys
    assert "cửa" in keys and "cua" in keys  # from cửa, not from của
    assert "đê" in keys and "de" in keys
    assert "cua" in folded_stopwords()


# -- tokens and keys -------------------------------------------------------------------------


def test_tokenize_figures_codes_words() -> None:
    tokens = tokenize("Tăng 8,75%; thu 15.788,94 tỷ đồng, QL279 năm 2024 (mục I.1.2)")
    assert [(t.kind, t.surface) for t in tokens] == [
        ("word", "Tăng"), ("figure", "8,75"), ("word", "thu"), ("figure", "15.788,94"),
        ("word", "tỷ"), ("word", "đồng"), ("code", "QL279"), ("word", "năm"),
        ("number", "2024"), ("word", "mục"), ("word", "I"), ("figure", "1.2"),
    ]


def test_keys_folded_and_exact() -> None:
    keys = index_keys("Đường giao thông")
    assert {"duong", "đường", "giao", "thong", "thông"} <= set(keys)
    assert "Đường" not in keys  # lower case only
    assert keys.count("giao") == 1  # no exact duplicate for a word without diacritics


def test_keys_phrases() -> None:
    keys = index_keys("Dự toán ngân sách; chương trình nông thôn mới, kinh tế - xã hội")
    assert {"ngan_sach", "nong_thon", "thon_moi", "du_toan", "kinh_te"} <= set(keys)
    assert "toan_ngan" in keys  # pairs are not words: every neighbouring pair is kept
    assert "sach_chuong" not in keys  # not across punctuation
    assert "te_xa" not in keys  # nor across a dash
    assert "ngan_sach" in index_keys("ngân\nsách")  # a line break is a space


def test_keys_phrases_skip_stopwords() -> None:
    keys = index_keys("ngân sách của tỉnh")
    assert "ngan_sach" in keys
    assert not any(k.startswith("sach_") or k.endswith("_tinh") for k in keys)


def test_keys_figures() -> None:
    keys = index_keys("ước đạt 8,75%, thu 15.788,94 tỷ đồng")
    assert {"8,75", "875", "15.788,94", "1578894"} <= set(keys)


def test_keys_numbers() -> None:
    keys = index_keys("Quốc lộ 279, mục 1")
    assert "279" in keys
    assert "1" not in keys  # a single digit is noise


def test_keys_codes() -> None:
    assert "ql279" in index_keys("tuyến QL279")
    assert "ql279" in index_keys("tuyến QL 279")
    assert "ql279" in index_keys("tuyến QL.279")
    assert "ql279" in index_keys("dọc Quốc lộ 279 và Quốc lộ 12")
    assert "ql12" in index_keys("dọc Quốc lộ 279 và Quốc lộ 12")
    assert "dt140" in index_keys("Đường tỉnh 140") and "dt140" in index_keys("ĐT.140")
    assert "tl127" in index_keys("tỉnh lộ 127")
    # lower-case words before a number are not codes
    assert not any(k.startswith("nam2") for k in index_keys("năm 2024"))


def test_keys_names() -> None:
    keys = index_keys("cửa khẩu song phương A Pa Chải – Long Phú, huyện Mường Nhé")
    assert {"a", "pa", "chai", "chải", "a_pa", "pa_chai", "muong_nhe", "muong", "mường"} <= set(keys)
    assert "chai_long" not in keys


# -- the JavaScript twin ----------------------------------------------------------------------

NODE = shutil.which("node") or shutil.which("nodejs")

SAMPLES = [
    "Đường giao thông nông thôn",
    "Dự toán ngân sách địa phương 15.788,94 tỷ đồng, tăng 8,75%",
    "cửa khẩu song phương A Pa Chải – Long Phú",
    "Huyện Mường Nhé, Nậm Pồ, Tuần Giáo, Điện Biên Đông",
    "dọc QL279 và Quốc lộ 12",
    "ĐƯỜNG ĐIỆN BIÊN PHỦ",
    unicodedata.normalize("NFD", "Tuần Giáo tổng mức đầu tư"),
    "HĐND tỉnh khóa XV; ỹ ữ ặ",
]


def run_js(expression: str, payload: object) -> object:
    """Evaluate ``expression`` (with ``H`` = HdndSearch, ``input`` = payload) in node."""
    from sphinx_hdnd.sphinxext.search import js_code

    script = (js_code() + "\nconst H = HdndSearch;\nconst input = JSON.parse(process.argv[1]);\n"
              f"process.stdout.write(JSON.stringify({expression}));\n")
    out = subprocess.run([NODE, "-e", script, json.dumps(payload)], capture_output=True,
                         text=True, check=True, timeout=30)
    return json.loads(out.stdout)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_js_fold_and_tokens_match_python() -> None:
    words = [w for s in SAMPLES for w in s.split()]
    assert run_js("input.map(H.fold)", words) == [fold(w) for w in words]
    assert run_js("input.map((s) => H.tokenize(s)[1].map((t) => [t.kind, t.surface]))",
                  SAMPLES) == [[[t.kind, t.surface] for t in tokenize(s)] for s in SAMPLES]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_js_query_keys_are_index_keys() -> None:
    """Typing any phrase of a page, with or without diacritics, looks up keys the page has."""
    plans = run_js("input.map(H.parse)", SAMPLES + [fold(s) for s in SAMPLES])
    for text, plan in zip(SAMPLES + SAMPLES, plans, strict=True):
        keys = set(index_keys(text))
        optional = {g["keys"][0] for g in plan["groups"] if g["optional"]}
        for group in plan["groups"]:
            if group["optional"]:  # "va": và (a stop word, not indexed) or vả
                continue
            assert group["keys"][0] in keys, (text, group)
            if group["exact"] and group["exact"] in {t.text for t in tokenize(text)}:
                assert group["exact"] in keys
        for phrase in plan["phrases"]:
            assert phrase in keys or set(phrase.split("_")) & optional, (text, phrase)
    assert plans[1]["phrases"][:2] == ["du_toan", "toan_ngan"]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_js_query_plan() -> None:
    plan = run_js("H.parse(input)", "ngân sách của tỉnh")
    assert [g["keys"] for g in plan["groups"]] == [["ngan"], ["sach"], ["tinh"]]
    assert [g["exact"] for g in plan["groups"]] == ["ngân", "sách", "tỉnh"]
    assert plan["phrases"] == ["ngan_sach"]
    # a folded stop word is optional: "cua" may be của (dropped) or cửa
    plan = run_js("H.parse(input)", "cua khau")
    assert [g["optional"] for g in plan["groups"]] == [True, False]
    assert plan["phrases"] == ["cua_khau"]
    assert run_js("H.parse(input).groups[0].optional", "cua") is False
    plan = run_js("H.parse(input)", "8,75")
    assert plan["groups"][0]["keys"] == ["8,75", "875"]


# -- registration and the built index ---------------------------------------------------------


def test_registered_for_vi() -> None:
    from unittest.mock import MagicMock

    from sphinx_hdnd.sphinxext.extension import setup
    from sphinx_hdnd.sphinxext.search import SearchVietnamese

    app = MagicMock()
    setup(app)
    app.add_search_language.assert_called_once_with(SearchVietnamese)
    assert SearchVietnamese.lang == "vi"


TINY_PAGES = {
    "index.rst": "Trang thử tìm kiếm\n==================\n\n.. toctree::\n\n"
                 "   duong\n   duong-khac\n   ngan-sach\n   roi-rac\n   cua-khau\n",
    "duong.rst": "Giao thông\n==========\n\nSửa chữa đường liên xã dọc Quốc lộ 279 (QL279) và QL 12.\n",
    "duong-khac.rst": "Tỉnh bạn\n========\n\nTỉnh Bình Dương tăng trưởng nhanh; bồi dưỡng cán bộ.\n",
    "ngan-sach.rst": "Thu chi\n=======\n\nDự toán ngân sách địa phương 15.788,94 tỷ đồng, "
                     "tăng 8,75%. Chương trình nông thôn mới.\n",
    "roi-rac.rst": "Tín dụng\n========\n\nNgân hàng chính sách cho vay; sách giáo khoa "
                   "cho học sinh.\n",
    "cua-khau.rst": "Biên giới\n=========\n\nMở cửa khẩu A Pa Chải của huyện Mường Nhé.\n",
}

TINY_CONF = """\
project = "Thử tìm kiếm"
language = "vi"
extensions = ["sphinx_hdnd"]
hdnd_briefings = False
exclude_patterns = ["_build", "data"]
"""


def build_tiny_site(folder: Path, conf: str = TINY_CONF) -> Path:
    """A few hand-written pages (no hdnd directive) built to HTML; returns the output folder."""
    src = folder / "src"
    src.mkdir(parents=True)
    shutil.copytree(MINIMAL_DATA, src / "data")
    (src / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in TINY_PAGES.items():
        (src / name).write_text(text, encoding="utf-8")
    out = folder / "html"
    run = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d",
                          str(folder / "doctrees"), str(src), str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    return out


def load_index(out: Path) -> dict:
    text = (out / "searchindex.js").read_text(encoding="utf-8")
    assert text.startswith("Search.setIndex(") and text.endswith(")")
    return json.loads(text[len("Search.setIndex("):-1])


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_site(tmp_path_factory.mktemp("search-tiny"))


def test_index_has_folded_terms(tiny_site: Path) -> None:
    index = load_index(tiny_site)
    terms, titleterms = index["terms"], index["titleterms"]
    def docs(key: str) -> set[str]:
        found = set()
        for mapping in (terms, titleterms):
            value = mapping.get(key, [])
            for i in [value] if isinstance(value, int) else value:
                found.add(index["docnames"][i])
        return found

    assert docs("duong") == {"duong", "duong-khac"}
    assert docs("đường") == {"duong"} and docs("dương") == {"duong-khac"}
    assert docs("ngan_sach") == {"ngan-sach"}
    assert docs("ngan") == {"ngan-sach", "roi-rac"} and docs("sach") == {"ngan-sach", "roi-rac"}
    assert docs("nong_thon") == docs("thon_moi") == {"ngan-sach"}
    for key in ["8,75", "875", "15.788,94", "1578894"]:
        assert docs(key) == {"ngan-sach"}, key
    assert docs("ql279") == docs("ql12") == docs("279") == {"duong"}
    assert docs("cua") == docs("cửa") == docs("cua_khau") == {"cua-khau"}
    assert docs("a_pa") == docs("pa_chai") == docs("muong_nhe") == {"cua-khau"}
    assert docs("giao") >= {"duong"} and "thong" in titleterms and "thông" in titleterms
    for stop in ["của", "và", "cho"]:
        assert stop not in terms and stop not in titleterms
    # no English stemming: "sinh" and "khoa" stay as written
    assert "sinh" in terms and "khoa" in terms


def test_language_data_is_the_vietnamese_one(tiny_site: Path) -> None:
    js = (tiny_site / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "var HdndSearch" in js and "__HDND_CONFIG__" not in js
    assert "EnglishStemmer" not in js and "porter" not in js.lower()
    assert '"của"' in js  # the stop words, for searchtools.js
    # offline: nothing is loaded from elsewhere
    assert "http://" not in js and "https://" not in js and "import(" not in js


def test_other_languages_untouched(tmp_path: Path) -> None:
    out = build_tiny_site(tmp_path, TINY_CONF.replace('language = "vi"', 'language = "en"'))
    js = (out / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "HdndSearch" not in js and "Stemmer" in js
    assert "duong" not in load_index(out)["terms"]


def test_vi_vn_and_html_search_language(tmp_path: Path) -> None:
    out = build_tiny_site(tmp_path / "a", TINY_CONF.replace('"vi"', '"vi_VN"'))
    assert "ngan_sach" in load_index(out)["terms"]
    out = build_tiny_site(tmp_path / "b", TINY_CONF.replace('language = "vi"', 'language = "en"\n'
                                                            'html_search_language = "vi"'))
    assert "ngan_sach" in load_index(out)["terms"]


# -- the excerpts' page texts (issue 22: none from a folder) ---------------------------------


def test_page_text_script_is_safe_json() -> None:
    from sphinx_hdnd.sphinxext.search import page_text_script

    body = '<p>“x” </script><b>\\</b> \u2028\u2029 "quoted" ${not} `tick`</p>'
    script = page_text_script("tiep-xuc/muong-nhe/bien-gioi", body)
    prefix = 'HdndSearch.pageText("tiep-xuc/muong-nhe/bien-gioi", '
    assert script.startswith(prefix) and script.endswith(");\n")
    literal = script[len(prefix):-3]
    assert "\u2028" not in literal and "\u2029" not in literal  # old browsers end a line there
    assert json.loads(literal) == f'<div role="main">{body}</div>'
    assert "“x”" in literal  # UTF-8, not six bytes a letter


def test_every_page_has_its_text_for_the_excerpts(tiny_site: Path) -> None:
    docs = load_index(tiny_site)["docnames"]
    for doc in docs:
        script = (tiny_site / "_static" / "hdnd-text" / f"{doc}.js").read_text("utf-8")
        prefix = f"HdndSearch.pageText({json.dumps(doc)}, "
        assert script.startswith(prefix), doc
        html = json.loads(script[len(prefix):-3])
        page = (tiny_site / f"{doc}.html").read_text("utf-8")
        # the page's own title and text, as the page has them
        title = load_index(tiny_site)["titles"][docs.index(doc)]
        assert html.startswith('<div role="main">') and title in html and title in page


def test_no_page_texts_for_another_language(tmp_path: Path) -> None:
    out = build_tiny_site(tmp_path, TINY_CONF.replace('language = "vi"', 'language = "en"'))
    assert not (out / "_static" / "hdnd-text").exists()
