/*
 * sphinx-hdnd: Vietnamese full-text search for Sphinx's searchtools.js.
 *
 * Embedded in _static/language_data.js by sphinx_hdnd.sphinxext.search
 * (SearchVietnamese.js_stemmer_code); nothing is fetched from elsewhere.
 * The rules mirror sphinx_hdnd/vietnamese.py, which builds the index:
 *
 *  - every query word is folded (no tone or vowel marks, đ -> d) and looked up
 *    under its folded key, so "duong" and "đường" both find "đường";
 *  - a word typed with diacritics gives pages holding that exact form a bonus,
 *    so exact matches come first;
 *  - neighbouring words also make a phrase key ("ngan_sach"): pages with the
 *    phrase rank above pages with the words apart;
 *  - figures (8,75 / 15.788,94) are one token, also found by their digits;
 *    codes (QL279, "QL 279") are one token;
 *  - stop words typed with their diacritics are dropped; a word typed without
 *    diacritics that could be a stop word ("cua": của or cửa?) is optional.
 *
 * Every word must be found (as in Sphinx); the score of a page is the mean of
 * its words' scores (title 15, text 5, partial title 7, partial text 2: the
 * values of Scorer) plus the exact and phrase bonuses (HdndSearch.weights).
 */
var HdndSearch = (() => {
  "use strict";
  const CONFIG = __HDND_CONFIG__;
  const STOP = new Set(CONFIG.stopwords);
  const FOLDED_STOP = new Set(CONFIG.foldedStopwords);
  const ROADS = new Map(Object.entries(CONFIG.roadCodes));
  const MARKS = /\p{M}/gu;
  const TOKEN = /([0-9]+(?:[.,][0-9]+)+)|([\p{L}\p{N}\p{M}]+)/gu;
  const LETTERS = /^[\p{L}\p{M}]+$/u;
  const CODE_GAP = /^[\s.\-]{1,2}$/u;
  const SPACE = /^\s+$/u;

  const fold = (s) =>
    s.toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(MARKS, "")
      .normalize("NFC");

  // fold one UTF-16 unit at a time, keeping the length (for summaries)
  const foldedChars = new Map();
  const foldChar = (c) => {
    let f = foldedChars.get(c);
    if (f === undefined) {
      f = fold(c);
      if (f.length !== 1) f = c.toLowerCase().length === 1 ? c.toLowerCase() : c;
      foldedChars.set(c, f);
    }
    return f;
  };
  const foldKeepLength = (s) => {
    const out = new Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = foldChar(s[i]);
    return out.join("");
  };

  const tokenize = (text) => {
    text = text.normalize("NFC");
    const tokens = [];
    for (const m of text.matchAll(TOKEN)) {
      const surface = m[0];
      let kind;
      if (m[1] !== undefined) kind = "figure";
      else if (/^[0-9]+$/.test(surface)) kind = "number";
      else if (LETTERS.test(surface)) kind = "word";
      else kind = "code";
      tokens.push({
        kind, surface, text: surface.toLowerCase(),
        start: m.index, end: m.index + surface.length,
      });
    }
    return [text, tokens];
  };

  /*
   * A query as groups of alternative keys. Each group: {keys, exact, optional,
   * surface}; a page matches a group when it holds one of the keys. Phrases:
   * folded keys of neighbouring words.
   */
  const parse = (query) => {
    const [text, tokens] = tokenize(query.trim());
    const groups = [];
    const phrases = [];
    let previous = null; // last word group, for phrases
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      const next = tokens[k + 1];
      if (t.kind === "figure") {
        groups.push({
          keys: [t.text, t.text.replace(/[.,]/g, "")],
          exact: t.text, optional: false, surface: t.text,
        });
        previous = null;
        continue;
      }
      if (t.kind === "number") {
        if (t.text.length >= 2)
          groups.push({ keys: [t.text], exact: null, optional: false, surface: t.text });
        previous = null;
        continue;
      }
      if (STOP.has(t.text)) {
        previous = null;
        continue;
      }
      const folded = fold(t.text);
      // "QL 279", "ql.279": one code, when the index knows it
      if (t.kind === "word" && next && next.kind === "number"
          && t.text.length <= CONFIG.codePrefixMax
          && CODE_GAP.test(text.slice(t.end, next.start))
          && hasKey(folded + next.text)) {
        groups.push({ keys: [folded + next.text], exact: null, optional: false,
          surface: t.text + " " + next.text });
        k++;
        previous = null;
        continue;
      }
      // "quốc lộ 279": also the code, when the index knows it
      if (t.kind === "word" && next && next.kind === "word" && tokens[k + 2]
          && tokens[k + 2].kind === "number"
          && ROADS.has(folded + " " + fold(next.text))) {
        const code = ROADS.get(folded + " " + fold(next.text)) + tokens[k + 2].text;
        if (hasKey(code)) {
          groups.push({ keys: [code], exact: null, optional: false,
            surface: text.slice(t.start, tokens[k + 2].end).toLowerCase() });
          k += 2;
          previous = null;
          continue;
        }
      }
      const group = {
        keys: [folded],
        exact: folded !== t.text ? t.text : null,
        optional: folded === t.text && FOLDED_STOP.has(folded),
        surface: t.text,
      };
      groups.push(group);
      if (t.kind === "word") {
        if (previous && SPACE.test(text.slice(previous.end, t.start)))
          phrases.push(fold(previous.text) + "_" + folded);
        previous = t;
      } else previous = null;
    }
    // a query made only of optional words: they are what is searched for
    if (groups.length && groups.every((g) => g.optional))
      groups.forEach((g) => (g.optional = false));
    return { groups, phrases };
  };

  const index = () => (typeof Search !== "undefined" ? Search._index : null);
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const hasKey = (key) => {
    const ix = index();
    return !!ix && (own(ix.terms, key) || own(ix.titleterms, key));
  };
  const docsOf = (mapping, key) => {
    if (!own(mapping, key)) return [];
    const v = mapping[key];
    return typeof v === "number" ? [v] : v;
  };

  // doc -> score of one group: title 15, text 5, partial title 7, partial text 2
  const groupScores = (group) => {
    const ix = index();
    const scores = new Map();
    const give = (docs, score) =>
      docs.forEach((d) => scores.set(d, Math.max(scores.get(d) || 0, score)));
    let found = false;
    for (const key of group.keys) {
      const inText = docsOf(ix.terms, key);
      const inTitle = docsOf(ix.titleterms, key);
      if (inText.length || inTitle.length) found = true;
      give(inText, Scorer.term);
      give(inTitle, Scorer.title);
    }
    // as Sphinx: when the word itself is not in the index, its longer forms
    const key = group.keys[0];
    if (!found && key.length > 2) {
      for (const [mapping, score] of [[ix.terms, Scorer.partialTerm],
        [ix.titleterms, Scorer.partialTitle]]) {
        for (const term of Object.keys(mapping)) {
          if (!term.includes("_") && term.includes(key)) give(docsOf(mapping, term), score);
        }
      }
    }
    return scores;
  };

  const docHas = (doc, key) => {
    const ix = index();
    return docsOf(ix.terms, key).includes(doc) || docsOf(ix.titleterms, key).includes(doc);
  };

  const weights = { exact: 20, phrase: 10, optional: 1 };

  // [docname, title, anchor, descr, score, filename, kind] for the full-text hits
  const termsSearch = (parsed, excludedTerms) => {
    const ix = index();
    const required = parsed.groups.filter((g) => !g.optional);
    const optional = parsed.groups.filter((g) => g.optional);
    if (!required.length) return [];
    const perGroup = required.map(groupScores);
    let docs = [...perGroup[0].keys()];
    for (const scores of perGroup.slice(1)) docs = docs.filter((d) => scores.has(d));
    const excluded = [...(excludedTerms || [])].map(fold);
    docs = docs.filter((d) => !excluded.some((key) => docHas(d, key)));
    const exactGroups = required.filter((g) => g.exact);
    // a pair no page has ("va_quoc" from "và Quốc") does not count
    const phrases = parsed.phrases.filter(hasKey);
    return docs.map((doc) => {
      let score = perGroup.reduce((sum, s) => sum + s.get(doc), 0) / required.length;
      if (exactGroups.length)
        score += (weights.exact * exactGroups.filter((g) => docHas(doc, g.exact)).length)
          / exactGroups.length;
      if (phrases.length)
        score += (weights.phrase * phrases.filter((p) => docHas(doc, p)).length) / phrases.length;
      score += weights.optional * optional.filter((g) => g.keys.some((k) => docHas(doc, k))).length;
      return [ix.docnames[doc], ix.titles[doc], "", null, score, ix.filenames[doc],
        SearchResultKind.text];
    });
  };

  // section titles that contain the whole query, compared folded
  const titlesSearch = (query, parsed) => {
    const ix = index();
    const results = [];
    const queryLower = query.toLowerCase().trim().normalize("NFC");
    const queryFolded = fold(queryLower);
    if (!queryFolded) return results;
    const exactWanted = parsed.groups.some((g) => g.exact);
    for (const [title, found] of Object.entries(ix.alltitles)) {
      const titleLower = title.toLowerCase().trim().normalize("NFC");
      if (!fold(titleLower).includes(queryFolded) || queryFolded.length < title.length / 2)
        continue;
      let bonus = 0;
      if (exactWanted && titleLower.includes(queryLower)) bonus += weights.exact;
      if (parsed.phrases.length) bonus += weights.phrase;
      for (const [file, id] of found) {
        const score = Math.round((Scorer.title * queryFolded.length) / title.length);
        const boost = ix.titles[file] === title ? 1 : 0;
        results.push([
          ix.docnames[file],
          ix.titles[file] !== title ? `${ix.titles[file]} > ${title}` : title,
          id !== null ? "#" + id : "", null, score + boost + bonus,
          ix.filenames[file], SearchResultKind.title,
        ]);
      }
    }
    return results;
  };

  const indexEntriesSearch = (query) => {
    const ix = index();
    const normal = [];
    const nonMain = [];
    const queryFolded = fold(query.trim());
    for (const [entry, found] of Object.entries(ix.indexentries || {})) {
      const entryFolded = fold(entry);
      if (!entryFolded.includes(queryFolded) || queryFolded.length < entry.length / 2) continue;
      for (const [file, id, isMain] of found) {
        const score = Math.round((100 * queryFolded.length) / entry.length);
        (isMain ? normal : nonMain).push([ix.docnames[file], ix.titles[file],
          id ? "#" + id : "", null, score, ix.filenames[file], SearchResultKind.index]);
      }
    }
    return [normal, nonMain];
  };

  /*
   * As Sphinx's _orderResultsByScoreThenName (best last: results are popped), but
   * on equal scores the shallower page first (an overview before the pages generated
   * under it, which repeat its text), then titles in Vietnamese alphabetical order.
   */
  const collator = typeof Intl !== "undefined" ? new Intl.Collator("vi") : null;
  const depth = (docname) => docname.split("/").length;
  const orderResults = (a, b) => {
    if (a[4] !== b[4]) return a[4] > b[4] ? 1 : -1;
    if (depth(a[0]) !== depth(b[0])) return depth(a[0]) < depth(b[0]) ? 1 : -1;
    const left = a[1].toLowerCase();
    const right = b[1].toLowerCase();
    if (left === right) return 0;
    if (collator) return -collator.compare(left, right);
    return left > right ? -1 : 1;
  };

  /*
   * One result per page (the count says "N trang"): a page found by a section's title and
   * by its text is one page. It keeps its best score, and the link to the best section
   * whose title matched, if any ("Huyện Mường Nhé > Kiến nghị của cử tri"). Results come
   * best last and leave that way.
   */
  const onePerPage = (results) => {
    const best = new Map(); // docname -> best result
    const section = new Map(); // docname -> best result with an anchor
    for (const result of results) {
      const doc = result[0];
      if (!best.has(doc) || result[4] > best.get(doc)[4]) best.set(doc, result);
      if (result[2] && (!section.has(doc) || result[4] > section.get(doc)[4]))
        section.set(doc, result);
    }
    const kept = new Set();
    const out = [];
    for (let i = results.length - 1; i >= 0; i--) {
      const doc = results[i][0];
      if (kept.has(doc)) continue;
      kept.add(doc);
      const top = best.get(doc);
      const link = section.get(doc);
      out.push(link ? [...link.slice(0, 4), top[4], ...link.slice(5)] : top);
    }
    return out.sort(orderResults);
  };

  // the search itself: replaces Search._performSearch, same arguments and result
  const performSearch = (query, searchTerms, excludedTerms, highlightTerms, objectTerms) => {
    const parsed = parse(query);
    _removeChildren(document.getElementById("search-progress"));
    const [indexResults, nonMainIndexResults] = indexEntriesSearch(query);
    const normalResults = [...titlesSearch(query, parsed), ...indexResults];
    objectTerms.forEach((term) =>
      normalResults.push(...Search.performObjectSearch(term, objectTerms)));
    normalResults.push(...termsSearch(parsed, excludedTerms));
    if (Scorer.score) {
      normalResults.forEach((item) => (item[4] = Scorer.score(item)));
      nonMainIndexResults.forEach((item) => (item[4] = Scorer.score(item)));
    }
    normalResults.sort(orderResults);
    nonMainIndexResults.sort(orderResults);
    return onePerPage([...nonMainIndexResults, ...normalResults]);
  };

  // highlight what the words look like in the page ("đường" for "duong"),
  // not every "a" of the text for the syllable "a"
  let highlight = null;
  let lastQuery = null;
  const parseQuery = (sphinxParseQuery) => (query) => {
    const result = sphinxParseQuery(query);
    lastQuery = parse(query);
    highlight = result[3];
    highlight.clear();
    const [, tokens] = tokenize(query.toLowerCase().trim());
    if (tokens.length > 1) highlight.add(tokens.map((t) => t.text).join(" "));
    lastQuery.groups.forEach((g) => {
      if (g.surface.length > 1 || lastQuery.groups.length === 1) highlight.add(g.surface);
    });
    storeHighlight();
    return result;
  };
  const storeHighlight = () => {
    try {
      if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED)
        localStorage.setItem("sphinx_highlight_terms", [...highlight].join(" "));
    } catch (e) { /* storage may be unavailable from a file: URL */ }
  };

  const isWordChar = (c) => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
  // where the folded needle stands as whole words in the folded text
  const findWord = (folded, needle, from = 0) => {
    let at = folded.indexOf(needle, from);
    while (at >= 0) {
      if (!isWordChar(folded[at - 1]) && !isWordChar(folded[at + needle.length])) return at;
      at = folded.indexOf(needle, at + 1);
    }
    return -1;
  };

  const makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = Search.htmlToText(htmlText, anchor).normalize("NFC");
    if (text === "") return null;
    const folded = foldKeepLength(text);
    const parsed = lastQuery || { groups: [], phrases: [] };
    const words = parsed.groups.flatMap((g) => g.keys.map((k) => k.replace(/_/g, " ")));
    const phrase = parsed.groups.map((g) => fold(g.surface)).join(" ");
    let start = parsed.groups.length > 1 ? findWord(folded, phrase) : -1;
    if (start < 0) {
      const places = words.map((w) => findWord(folded, w)).filter((i) => i > -1);
      start = places.length ? Math.min(...places) : 0;
    }
    const from = Math.max(start - 120, 0);
    const excerpt = text.substr(from, 240);
    // the forms of the words as they are written in this excerpt
    if (highlight) {
      const foldedExcerpt = folded.substr(from, 240);
      const needles = parsed.groups.length > 1 ? [phrase, ...words] : words;
      for (const needle of needles) {
        if (!needle) continue;
        let at = findWord(foldedExcerpt, needle);
        while (at >= 0) {
          highlight.add(excerpt.substr(at, needle.length).toLowerCase());
          at = findWord(foldedExcerpt, needle, at + needle.length);
        }
      }
      storeHighlight();
    }
    const summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent = (from === 0 ? "" : "...") + excerpt.trim()
      + (from + 240 < text.length ? "..." : "");
    return summary;
  };

  /*
   * Sphinx's Vietnamese catalogue has these messages translated as "": the search
   * page would say nothing, not even that nothing was found. Fill the empty ones.
   */
  const MESSAGES = {
    "Searching": "Đang tìm",
    "Search Results": "Kết quả tìm kiếm",
    "Preparing search...": "Đang chuẩn bị tìm kiếm...",
    "Search finished, found one page matching the search query.": [
      "Tìm xong: ${resultCount} trang có mọi từ đã gõ.",
      "Tìm xong: ${resultCount} trang có mọi từ đã gõ.",
    ],
    "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.":
      "Không có trang nào có mọi từ đã gõ. Hãy kiểm tra chính tả hoặc bớt từ; gõ có dấu hay không dấu đều được.",
    ", in ": ", trong ",
  };
  const fillMessages = () => {
    if (typeof Documentation === "undefined" || !Documentation.TRANSLATIONS) return;
    const vietnamese = typeof document !== "undefined"
      && (document.documentElement.lang || "").toLowerCase().startsWith("vi");
    for (const [key, text] of Object.entries(MESSAGES)) {
      const current = Documentation.TRANSLATIONS[key];
      const empty = current === "" || (Array.isArray(current) && current.every((t) => !t));
      if (empty || (current === undefined && vietnamese))
        Documentation.TRANSLATIONS[key] = text;
    }
  };

  /*
   * The excerpt under each result. Sphinx fetch()es every result's page for it, which a
   * browser refuses for a site opened from a folder (file://): no excerpt at all. The build
   * writes each page's main content as a small script (_static/hdnd-text/<page>.js, see
   * search.py), which a <script> element may load from a folder; fetch() of a result page
   * is answered from it, so Sphinx's summary and highlighting work unchanged. Over http it
   * is also less to download than the whole page. A page without its script is fetched as
   * before (over http).
   */
  const TEXT_DIR = "_static/hdnd-text/";
  const texts = new Map(); // docname -> {promise, resolve, reject}
  const textOf = (docname) => {
    let entry = texts.get(docname);
    if (entry) return entry.promise;
    entry = {};
    entry.promise = new Promise((resolve, reject) => {
      entry.resolve = resolve;
      entry.reject = reject;
    });
    texts.set(docname, entry);
    const script = document.createElement("script");
    script.src = (document.documentElement.dataset.content_root || "") + TEXT_DIR
      + docname.split("/").map(encodeURIComponent).join("/") + ".js";
    script.onerror = () => entry.reject(new Error("no text for " + docname));
    document.head.appendChild(script);
    return entry.promise;
  };
  // called by each _static/hdnd-text/<page>.js
  const pageText = (docname, html) => {
    if (!texts.has(docname)) textOf(docname);
    texts.get(docname).resolve(html);
  };
  let pageUrls = null; // the URL Sphinx asks for a result's summary -> docname
  const docnameOf = (url) => {
    const ix = index();
    if (!ix || typeof url !== "string") return null;
    if (!pageUrls) {
      const root = document.documentElement.dataset.content_root || "";
      const suffix = DOCUMENTATION_OPTIONS.FILE_SUFFIX;
      pageUrls = new Map(ix.docnames.map((d) => [root + d + suffix, d]));
    }
    return pageUrls.get(url) || null;
  };
  const installTexts = () => {
    if (typeof window === "undefined" || typeof window.fetch !== "function"
        || typeof Response === "undefined" || window.fetch._hdnd) return;
    const realFetch = window.fetch.bind(window);
    const fromFolder = window.location.protocol === "file:";
    const fetchPage = (url, ...rest) => {
      const docname = docnameOf(url);
      if (docname === null) return realFetch(url, ...rest);
      return textOf(docname).then(
        (html) => new Response(html, { headers: { "Content-Type": "text/html" } }),
        (error) => (fromFolder ? Promise.reject(error) : realFetch(url, ...rest)));
    };
    fetchPage._hdnd = true;
    window.fetch = fetchPage;
  };

  const install = () => {
    if (typeof Search === "undefined" || Search._hdnd) return;
    Search._hdnd = true;
    fillMessages();
    installTexts(); // answers only the URLs of the index's own pages
    Search._parseQuery = parseQuery(Search._parseQuery);
    Search._performSearch = performSearch;
    Search.makeSearchSummary = makeSearchSummary;
  };
  if (typeof Search !== "undefined") install();
  else if (typeof document !== "undefined")
    document.addEventListener("DOMContentLoaded", install);

  return { fold, foldKeepLength, tokenize, parse, weights, install, pageText };
})();

/* Sphinx's hooks: the words of a query as written, and their folded form. */
var splitQuery = (query) => HdndSearch.tokenize(query)[1].map((t) => t.surface);
var Stemmer = function () {
  this.stemWord = (word) => HdndSearch.fold(word);
};
