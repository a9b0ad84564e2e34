/*
 * The playground page: a dfsq query bar (the filter) and an editor (the order-by) for one
 * endpoint, the compiled arrays and task body live, a sample response the filter runs over on
 * Enter (and whose values completion offers), examples per API, syntax help, and pasted JSON
 * printed back as text. Everything is computed in the page from the repository's sources; nothing
 * is fetched.
 */
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { lintKeymap } from "@codemirror/lint";
import { Compartment, EditorSelection, EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import { dfsq, dfsqAnalysis, queryBar, reconfigureDfsq, type Analysis, type DfsqOptions, type QueryHistory } from "../../src/codemirror/index.js";
import { codeSegments, messageSegments, type TextSegment } from "../../src/diagnostics/segments.js";
import { listEndpoints, type Diagnostic, type EndpointInfo, type FilterArray, type FilterParam, type OrderByArray } from "../../src/index.js";
import { CONNECTIVES, OPERATOR_TABLE, VALUE_WORDS } from "../../src/syntax/operator-table.js";
import { EXAMPLES, type Example } from "./examples.js";
import { printJson, type PrintKind } from "./print.js";
import { SAMPLE_ENDPOINT, SAMPLE_ITEMS } from "./sample.js";
import { formatJson, taskBody } from "./task.js";
import { valuesIn } from "./values.js";

declare const DFSQ_VERSION: string;
declare const DFSQ_REPOSITORY: string;

const DEFAULT_ENDPOINT = "backlinks/referring_domains";
const DEFAULTS = {
  filter: 'referring_domains > 10 and (domain like "%seo%" or rank > 200)',
  orderBy: "rank desc, backlinks",
};

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

const endpoints = listEndpoints();
const endpointById = new Map(endpoints.map((e) => [e.id, e]));

const ui = {
  endpoint: byId<HTMLSelectElement>("endpoint"),
  param: byId<HTMLSelectElement>("param"),
  target: byId<HTMLInputElement>("target"),
  endpointInfo: byId<HTMLParagraphElement>("endpoint-info"),
  filterJson: byId<HTMLPreElement>("filter-json"),
  orderJson: byId<HTMLPreElement>("order-json"),
  taskPath: byId<HTMLParagraphElement>("task-path"),
  taskBody: byId<HTMLPreElement>("task-body"),
  copyTask: byId<HTMLButtonElement>("copy-task"),
  printInput: byId<HTMLTextAreaElement>("print-input"),
  printKind: byId<HTMLSelectElement>("print-kind"),
  printOutput: byId<HTMLPreElement>("print-output"),
  printReport: byId<HTMLPreElement>("print-report"),
  printUse: byId<HTMLButtonElement>("print-use"),
  orderPanel: byId<HTMLElement>("order-panel"),
  orderHelp: byId<HTMLParagraphElement>("order-help"),
  examples: byId<HTMLDivElement>("examples"),
  sampleInfo: byId<HTMLParagraphElement>("sample-info"),
  sampleResult: byId<HTMLParagraphElement>("sample-result"),
  sampleTable: byId<HTMLTableElement>("sample-table"),
};

/** Message text with its code as `<code>`, never a literal backquote. */
function segmentsOf(segments: readonly TextSegment[]): Node[] {
  return segments.map((s) => {
    if (s.kind === "text") return document.createTextNode(s.text);
    const code = document.createElement("code");
    code.textContent = s.text;
    return code;
  });
}

// ---- page state, mirrored in the URL's hash so that a link reproduces it ----

const initial = new URLSearchParams(location.hash.slice(1));
let endpoint: EndpointInfo = endpointById.get(initial.get("endpoint") ?? "") ?? endpointById.get(DEFAULT_ENDPOINT) ?? endpoints[0]!;
let param: FilterParam = pickParam(endpoint, initial.get("param"));
ui.target.value = initial.get("target") ?? ui.target.value;

function pickParam(e: EndpointInfo, wanted: string | null): FilterParam {
  return e.params.find((p) => p === wanted) ?? e.params[0] ?? "filters";
}

let hashTimer: ReturnType<typeof setTimeout> | undefined;
function saveHash(): void {
  clearTimeout(hashTimer);
  hashTimer = setTimeout(() => {
    const state = new URLSearchParams({
      endpoint: endpoint.id,
      param,
      target: ui.target.value,
      filter: filterView.state.doc.toString(),
      orderBy: orderView.state.doc.toString(),
    });
    window.history.replaceState(null, "", `#${state.toString()}`);
  }, 300);
}

// ---- editors ----

const dark = matchMedia("(prefers-color-scheme: dark)");
const themeSlot = new Compartment();
const editableSlot = new Compartment();

function editorTheme(isDark: boolean): Extension {
  return EditorView.theme(
    {
      "&": {
        color: "var(--text)",
        backgroundColor: "var(--editor-bg)",
        border: "1px solid var(--border-strong)",
        borderRadius: "8px",
        fontSize: "15px",
      },
      "&.cm-focused": { outline: "3px solid var(--focus)", outlineOffset: "1px" },
      ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.6" },
      ".cm-content": { padding: "10px 6px", minHeight: "3.2em", caretColor: "var(--text)" },
      ".cm-placeholder": { color: "var(--muted)" },
      ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--text)" },
      "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--selection) !important" },
      ".cm-tooltip": {
        border: "1px solid var(--border-strong)",
        backgroundColor: "var(--surface)",
        color: "var(--text)",
        borderRadius: "6px",
        boxShadow: "0 6px 20px rgb(0 0 0 / 0.15)",
        overflow: "hidden",
      },
      ".cm-tooltip-autocomplete > ul": { fontFamily: "var(--mono)", maxHeight: "14em" },
      ".cm-tooltip-autocomplete > ul > li": { padding: "3px 8px !important" },
      ".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: "var(--accent)", color: "var(--on-accent)" },
      ".cm-completionDetail": { marginLeft: "1.2em", fontStyle: "normal", opacity: "0.75" },
      ".cm-tooltip-lint": { fontFamily: "var(--sans)", maxWidth: "min(36em, 92vw)" },
      ".cm-diagnostic": { padding: "6px 10px" },
      ".cm-diagnosticSource": { fontFamily: "var(--mono)", opacity: "0.75" },
      ".cm-diagnosticAction": { backgroundColor: "var(--accent)", color: "var(--on-accent)", borderRadius: "4px" },
      ".cm-panels": { backgroundColor: "var(--surface)", color: "var(--text)" },
    },
    { dark: isDark },
  );
}

interface EditorSpec {
  readonly parent: HTMLElement;
  readonly doc: string;
  /** dfsq's part: `dfsq(options)` or `queryBar(options, …)`. */
  readonly dfsq: Extension;
  readonly label: string;
  readonly describedBy: string;
  readonly placeholder?: string;
}

function createEditor(spec: EditorSpec, onChange: () => void): EditorView {
  return new EditorView({
    parent: spec.parent,
    state: EditorState.create({
      doc: spec.doc,
      extensions: [
        history(),
        closeBrackets(),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
        EditorView.lineWrapping,
        spec.placeholder === undefined ? [] : placeholder(spec.placeholder),
        EditorView.contentAttributes.of({ "aria-labelledby": spec.label, "aria-describedby": spec.describedBy }),
        themeSlot.of(editorTheme(dark.matches)),
        editableSlot.of([]),
        spec.dfsq,
        EditorView.updateListener.of((update) => {
          if (dfsqAnalysis(update.state) !== dfsqAnalysis(update.startState)) onChange();
        }),
      ],
    }),
  });
}

const filterOptions = (): DfsqOptions => ({ mode: "filter", endpoint: endpoint.id, param });
const orderOptions = (): DfsqOptions => ({ mode: "orderBy", endpoint: endpoint.id });

/** Submitted filters, kept in this browser's localStorage (the query bar's history hook). */
const HISTORY_KEY = "dfsq-playground-history";
const filterHistory: QueryHistory = {
  load() {
    try {
      const saved: unknown = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? "[]");
      return Array.isArray(saved) ? saved.filter((e): e is string => typeof e === "string") : [];
    } catch {
      return [];
    }
  },
  save(entries) {
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(entries));
    } catch {
      // Storage may be off (private windows): the history then lasts as long as nothing.
    }
  },
};

const filterView = createEditor(
  {
    parent: byId("filter-editor"),
    // The query bar is one line: a link from before may hold line breaks.
    doc: (initial.get("filter") ?? DEFAULTS.filter).replace(/\s*[\r\n]+\s*/g, " "),
    dfsq: queryBar(filterOptions(), {
      onSubmit: (compiled, text) => void runOnSample(compiled as FilterArray | undefined, text),
      history: filterHistory,
      values: async (field, prefix) => (endpoint.id === SAMPLE_ENDPOINT ? valuesIn(SAMPLE_ITEMS, field, prefix) : []),
    }),
    label: "filter-heading",
    describedBy: "filter-help filter-diagnostics",
  },
  () => refresh(),
);
const orderView = createEditor(
  {
    parent: byId("order-editor"),
    doc: initial.get("orderBy") ?? DEFAULTS.orderBy,
    dfsq: dfsq(orderOptions()),
    label: "order-heading",
    describedBy: "order-help order-diagnostics",
    placeholder: "rank desc, backlinks",
  },
  () => refresh(),
);

dark.addEventListener("change", () => {
  for (const view of [filterView, orderView]) view.dispatch({ effects: themeSlot.reconfigure(editorTheme(dark.matches)) });
});

// ---- rendering ----

interface EditorOutcome {
  readonly blank: boolean;
  readonly value?: FilterArray | OrderByArray;
  readonly errors: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function renderDiagnostics(list: HTMLUListElement, view: EditorView, diagnostics: readonly Diagnostic[]): void {
  list.replaceChildren(
    ...diagnostics.map((d) => {
      const item = document.createElement("li");
      item.className = `diagnostic ${d.severity}`;
      const severity = document.createElement("span");
      severity.className = "severity";
      severity.textContent = d.severity;
      const where = document.createElement(d.option === undefined ? "button" : "span");
      where.className = "where";
      if (d.option === undefined) {
        const button = where as HTMLButtonElement;
        button.type = "button";
        button.textContent = `${d.line}:${d.column}`;
        button.setAttribute("aria-label", `Go to line ${d.line}, column ${d.column}`);
        button.addEventListener("click", () => {
          const length = view.state.doc.length;
          const from = Math.min(d.span.start, length);
          view.dispatch({ selection: EditorSelection.range(from, Math.min(Math.max(d.span.end, from), length)), scrollIntoView: true });
          view.focus();
        });
      } else {
        where.textContent = d.option;
      }
      const segments = messageSegments(d);
      const message = document.createElement("span");
      message.className = "message";
      message.append(...segmentsOf(segments.message));
      const code = document.createElement("code");
      code.className = "code";
      code.textContent = d.code;
      item.append(severity, where, code, message);
      if (segments.hint !== undefined) {
        const hint = document.createElement("span");
        hint.className = "hint";
        hint.append(...segmentsOf(segments.hint));
        item.append(hint);
      }
      return item;
    }),
  );
  list.hidden = diagnostics.length === 0;
}

function renderEditor(view: EditorView, which: "filter" | "order", enabled: boolean): EditorOutcome {
  const analysis: Analysis | undefined = dfsqAnalysis(view.state);
  const blank = view.state.doc.toString().trim() === "";
  const status = byId<HTMLSpanElement>(`${which}-status`);
  const list = byId<HTMLUListElement>(`${which}-diagnostics`);
  const output = which === "filter" ? ui.filterJson : ui.orderJson;
  if (!enabled || analysis === undefined) {
    renderDiagnostics(list, view, []);
    status.textContent = "not taken";
    status.dataset.state = "off";
    output.textContent = "—";
    output.dataset.state = "off";
    return { blank: true, errors: 0 };
  }
  // A blank editor leaves its parameter out: only problems with the options are worth showing.
  const shown = blank ? analysis.diagnostics.filter((d) => d.option !== undefined) : analysis.diagnostics;
  renderDiagnostics(list, view, shown);
  const errors = shown.filter((d) => d.severity === "error").length;
  const warnings = shown.length - errors;
  if (errors > 0) {
    status.textContent = plural(errors, "error") + (warnings > 0 ? `, ${plural(warnings, "warning")}` : "");
    status.dataset.state = "error";
  } else if (blank) {
    status.textContent = "empty";
    status.dataset.state = "off";
  } else {
    status.textContent = warnings > 0 ? plural(warnings, "warning") : "ok";
    status.dataset.state = warnings > 0 ? "warning" : "ok";
  }
  if (blank) {
    output.textContent = "— (left out)";
    output.dataset.state = "off";
  } else if (analysis.value === undefined) {
    output.textContent = "— fix the errors above";
    output.dataset.state = "error";
  } else {
    output.textContent = JSON.stringify(analysis.value);
    output.dataset.state = "ok";
  }
  return { blank, errors, ...(blank || analysis.value === undefined ? {} : { value: analysis.value }) };
}

function refresh(): void {
  const filter = renderEditor(filterView, "filter", true);
  const order = renderEditor(orderView, "order", endpoint.orderBy);
  ui.taskPath.textContent = `POST ${endpoint.path}`;
  if (filter.errors > 0 || order.errors > 0) {
    ui.taskBody.textContent = "Fix the errors above to see the task body.";
    ui.taskBody.dataset.state = "error";
    ui.copyTask.disabled = true;
  } else {
    const body = taskBody({
      endpoint,
      param,
      target: ui.target.value.trim(),
      ...(filter.value === undefined ? {} : { filters: filter.value as FilterArray }),
      ...(order.value === undefined ? {} : { orderBy: order.value as OrderByArray }),
    });
    ui.taskBody.textContent = formatJson(body);
    ui.taskBody.dataset.state = "ok";
    ui.copyTask.disabled = false;
  }
  refreshPrint();
  saveHash();
}

// ---- endpoint and parameter pickers ----

function fillEndpoints(): void {
  const groups = new Map<string, EndpointInfo[]>();
  for (const e of endpoints) {
    const api = e.id.split("/")[0]!;
    groups.set(api, [...(groups.get(api) ?? []), e]);
  }
  for (const [api, list] of groups) {
    const group = document.createElement("optgroup");
    group.label = api;
    for (const e of list) group.append(new Option(e.id, e.id, false, e.id === endpoint.id));
    ui.endpoint.append(group);
  }
}

function fillParams(): void {
  ui.param.replaceChildren(...endpoint.params.map((p) => new Option(p, p, false, p === param)));
  ui.param.disabled = endpoint.params.length < 2;
}

function describeEndpoint(): void {
  const parts = [
    endpoint.path,
    `max ${endpoint.maxConditions} conditions`,
    endpoint.orderBy ? "takes order_by" : "no order_by",
    `${endpoint.provenance} catalog ${endpoint.catalogVersion}`,
  ];
  ui.endpointInfo.textContent = parts.join(" · ");
  ui.orderPanel.classList.toggle("disabled", !endpoint.orderBy);
  ui.orderHelp.textContent = endpoint.orderBy
    ? "Fields with an optional asc or desc, separated by commas (at most 3)."
    : `${endpoint.id} takes no order_by.`;
  orderView.dispatch({
    effects: editableSlot.reconfigure(endpoint.orderBy ? [] : [EditorState.readOnly.of(true), EditorView.editable.of(false)]),
  });
}

function reconfigure(): void {
  filterView.dispatch({ effects: reconfigureDfsq(filterOptions()) });
  orderView.dispatch({ effects: reconfigureDfsq(orderOptions()) });
  refresh();
}

ui.endpoint.addEventListener("change", () => {
  endpoint = endpointById.get(ui.endpoint.value) ?? endpoint;
  param = pickParam(endpoint, param);
  fillParams();
  describeEndpoint();
  describeSample();
  reconfigure();
});
ui.param.addEventListener("change", () => {
  param = pickParam(endpoint, ui.param.value);
  reconfigure();
});
ui.target.addEventListener("input", () => refresh());

ui.copyTask.addEventListener("click", () => {
  const text = ui.taskBody.textContent ?? "";
  const done = (label: string) => {
    ui.copyTask.textContent = label;
    setTimeout(() => (ui.copyTask.textContent = "Copy"), 1500);
  };
  navigator.clipboard.writeText(text).then(
    () => done("Copied"),
    () => done("Copy failed"),
  );
});

// ---- JSON to text ----

let printed: { kind: "filter" | "orderBy"; text: string } | undefined;

function refreshPrint(): void {
  const result = printJson(ui.printInput.value, ui.printKind.value as PrintKind, { endpoint: endpoint.id, param });
  printed = result?.text === undefined ? undefined : { kind: result.kind, text: result.text };
  ui.printUse.disabled = printed === undefined;
  ui.printUse.textContent = printed?.kind === "orderBy" ? "Use as order-by" : "Use as filter";
  ui.printReport.hidden = result === null || result.report === "";
  ui.printReport.textContent = result?.report ?? "";
  ui.printReport.dataset.state = result?.errors === true ? "error" : "warning";
  if (result === null) {
    ui.printOutput.textContent = "Paste an array to see it as dfsq text.";
    ui.printOutput.dataset.state = "off";
  } else if (result.text === undefined) {
    ui.printOutput.textContent = "— see the problems below";
    ui.printOutput.dataset.state = "error";
  } else {
    ui.printOutput.textContent = result.text;
    ui.printOutput.dataset.state = "ok";
  }
}

let printTimer: ReturnType<typeof setTimeout> | undefined;
ui.printInput.addEventListener("input", () => {
  clearTimeout(printTimer);
  printTimer = setTimeout(refreshPrint, 120);
});
ui.printKind.addEventListener("change", refreshPrint);
ui.printUse.addEventListener("click", () => {
  if (printed === undefined) return;
  const view = printed.kind === "orderBy" ? orderView : filterView;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: printed.text } });
  view.focus();
});

// ---- the sample response ----

/** Columns of the sample table: the fields a reader of referring domains looks at first. */
const SAMPLE_COLUMNS = ["domain", "rank", "backlinks", "referring_domains", "backlinks_spam_score", "first_seen"] as const;

function renderSample(items: readonly Record<string, unknown>[]): void {
  ui.sampleTable.hidden = items.length === 0;
  const head = document.createElement("tr");
  for (const c of SAMPLE_COLUMNS) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c;
    head.append(th);
  }
  const rows = items.map((item) => {
    const tr = document.createElement("tr");
    for (const c of SAMPLE_COLUMNS) {
      const td = document.createElement("td");
      td.textContent = String(item[c] ?? "");
      tr.append(td);
    }
    return tr;
  });
  ui.sampleTable.replaceChildren(head, ...rows);
}

function describeSample(): void {
  const here = endpoint.id === SAMPLE_ENDPOINT;
  ui.sampleInfo.replaceChildren(
    ...segmentsOf(
      codeSegments(
        here
          ? `${SAMPLE_ITEMS.length} made-up items of \`${SAMPLE_ENDPOINT}\`. Press Enter in the filter to run it over them; completion offers their values.`
          : `The sample items are of \`${SAMPLE_ENDPOINT}\`: pick that endpoint to run filters over them.`,
      ),
    ),
  );
  ui.sampleResult.textContent = "";
  renderSample(here ? SAMPLE_ITEMS : []);
}

/** The query bar's Enter: the compiled filter over the sample items, with dfsq/eval (loaded on first use). */
async function runOnSample(compiled: FilterArray | undefined, text: string): Promise<void> {
  if (endpoint.id !== SAMPLE_ENDPOINT) {
    ui.sampleResult.textContent = `Submitted: ${text.trim() === "" ? "no filter" : text}. The sample items are of ${SAMPLE_ENDPOINT} only.`;
    ui.sampleResult.dataset.state = "off";
    return;
  }
  const { matchItems } = await import("../../src/eval/index.js");
  const matched = compiled === undefined ? SAMPLE_ITEMS : matchItems(compiled, SAMPLE_ITEMS);
  ui.sampleResult.textContent = `${matched.length} of ${SAMPLE_ITEMS.length} sample items match ${text.trim() === "" ? "(no filter)" : text}`;
  ui.sampleResult.dataset.state = "ok";
  renderSample(matched);
}

// ---- examples and syntax help ----

function useExample(example: Example): void {
  endpoint = endpointById.get(example.endpoint) ?? endpoint;
  ui.endpoint.value = endpoint.id;
  param = pickParam(endpoint, "filters");
  fillParams();
  describeEndpoint();
  filterView.dispatch({ changes: { from: 0, to: filterView.state.doc.length, insert: example.filter }, effects: reconfigureDfsq(filterOptions()) });
  orderView.dispatch({ changes: { from: 0, to: orderView.state.doc.length, insert: example.orderBy ?? "" }, effects: reconfigureDfsq(orderOptions()) });
  describeSample();
  refresh();
  filterView.focus();
}

function fillExamples(): void {
  ui.examples.replaceChildren(
    ...Object.entries(EXAMPLES).map(([api, examples]) => {
      const group = document.createElement("div");
      group.className = "example-group";
      const title = document.createElement("h3");
      title.textContent = api;
      const list = document.createElement("ul");
      for (const example of examples) {
        const li = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "example";
        button.dataset.endpoint = example.endpoint;
        button.title = example.endpoint;
        const code = document.createElement("code");
        code.textContent = example.filter;
        button.append(code);
        button.addEventListener("click", () => useExample(example));
        li.append(button);
        list.append(li);
      }
      group.append(title, list);
      return group;
    }),
  );
}

/** A row of the syntax help: the spellings, the meaning, an example. */
function helpRow(word: string, meaning: string, example: string | undefined): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const cells = [[{ kind: "code", text: word }] as TextSegment[], codeSegments(meaning), example === undefined ? [] : ([{ kind: "code", text: example }] as TextSegment[])];
  for (const segments of cells) {
    const td = document.createElement("td");
    td.append(...segmentsOf(segments));
    tr.append(td);
  }
  return tr;
}

/** The syntax help, from the one table that completion and hover read too. */
function fillSyntaxHelp(): void {
  byId("syntax-operators").replaceChildren(...OPERATOR_TABLE.map((e) => helpRow([e.text, ...e.aliases].join("  "), e.meaning, e.example)));
  byId("syntax-words").replaceChildren(...[...CONNECTIVES, ...VALUE_WORDS].map((w) => helpRow([w.text, ...w.aliases].join("  "), w.meaning, w.example)));
}

// ---- start ----

byId("version").textContent = `dfsq ${DFSQ_VERSION}`;
byId<HTMLAnchorElement>("docs-language").href = `${DFSQ_REPOSITORY}/blob/main/docs/language.md`;
byId<HTMLAnchorElement>("docs-editor").href = `${DFSQ_REPOSITORY}/blob/main/docs/editor.md`;
fillExamples();
fillSyntaxHelp();
describeSample();
fillEndpoints();
fillParams();
describeEndpoint();
refresh();
document.documentElement.dataset.ready = "true";
