/*
 * The playground page: two dfsq editors (filter and order-by) for one endpoint, the compiled
 * arrays and task body live, and pasted JSON printed back as text. Everything is computed in the
 * page from the repository's sources; nothing is fetched.
 */
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { lintKeymap } from "@codemirror/lint";
import { Compartment, EditorSelection, EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import { dfsq, dfsqAnalysis, reconfigureDfsq, type Analysis, type DfsqOptions } from "../../src/codemirror/index.js";
import { listEndpoints, type Diagnostic, type EndpointInfo, type FilterArray, type FilterParam, type OrderByArray } from "../../src/index.js";
import { printJson, type PrintKind } from "./print.js";
import { formatJson, taskBody } from "./task.js";

declare const DFSQ_VERSION: string;

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
};

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
  readonly options: DfsqOptions;
  readonly label: string;
  readonly describedBy: string;
  readonly placeholder: string;
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
        placeholder(spec.placeholder),
        EditorView.contentAttributes.of({ "aria-labelledby": spec.label, "aria-describedby": spec.describedBy }),
        themeSlot.of(editorTheme(dark.matches)),
        editableSlot.of([]),
        dfsq(spec.options),
        EditorView.updateListener.of((update) => {
          if (dfsqAnalysis(update.state) !== dfsqAnalysis(update.startState)) onChange();
        }),
      ],
    }),
  });
}

const filterOptions = (): DfsqOptions => ({ mode: "filter", endpoint: endpoint.id, param });
const orderOptions = (): DfsqOptions => ({ mode: "orderBy", endpoint: endpoint.id });

const filterView = createEditor(
  {
    parent: byId("filter-editor"),
    doc: initial.get("filter") ?? DEFAULTS.filter,
    options: filterOptions(),
    label: "filter-heading",
    describedBy: "filter-help filter-diagnostics",
    placeholder: "referring_domains > 10 and domain like \"%seo%\"",
  },
  () => refresh(),
);
const orderView = createEditor(
  {
    parent: byId("order-editor"),
    doc: initial.get("orderBy") ?? DEFAULTS.orderBy,
    options: orderOptions(),
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
      const message = document.createElement("span");
      message.className = "message";
      message.textContent = d.message;
      const code = document.createElement("code");
      code.className = "code";
      code.textContent = d.code;
      item.append(severity, where, code, message);
      if (d.hint !== undefined) {
        const hint = document.createElement("span");
        hint.className = "hint";
        hint.textContent = d.hint;
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

// ---- start ----

byId("version").textContent = `dfsq ${DFSQ_VERSION}`;
fillEndpoints();
fillParams();
describeEndpoint();
refresh();
document.documentElement.dataset.ready = "true";
