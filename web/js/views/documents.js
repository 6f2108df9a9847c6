// Documents: every ingested report with title, date, size and fact count; upload several files
// (drag and drop or choose) with progress and each file's outcome; delete with confirmation. When
// the server requires an API key, the page asks for it once and keeps it for the session.
import { api, dataTable, documentsByFile, el, href } from "../lib.js";

const KEY_STORE = "healthkg-api-key";
const OUTCOMES = { loaded: "已载入", replaced: "已替换旧版本", unchanged: "内容未变，未改动", duplicate: "与已载入文件内容相同，记为其别名" };

function uploadOne(file, key, onProgress) {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/documents");
    if (key) request.setRequestHeader("X-API-Key", key);
    request.upload.addEventListener("progress", (event) => { if (event.lengthComputable) onProgress(event.loaded / event.total); });
    request.addEventListener("load", () => {
      let body = {};
      try { body = JSON.parse(request.responseText); } catch { /* a proxy's HTML error page */ }
      resolve({ status: request.status, body });
    });
    request.addEventListener("error", () => resolve({ status: 0, body: { error: { message: "网络错误" } } }));
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
}

export default {
  route: "documents",
  title: "文件",
  async render({ show, signal }) {
    const tableSlot = el("div", { className: "slot" });
    const notice = el("p", { className: "notice", role: "status", id: "documents-notice" });
    const keyInput = el("input", { type: "password", id: "api-key", autocomplete: "off", required: true });
    const keyForm = el("form", { className: "api-key", id: "api-key-form", hidden: true },
      el("label", {}, "此服务器要求 API 密钥（X-API-Key）：", keyInput), el("button", { type: "submit" }, "使用此密钥"));
    let waiting = null; // what to run again once a key is given
    const askKey = (retry) => {
      waiting = retry;
      keyForm.hidden = false;
      keyInput.focus();
    };
    keyForm.addEventListener("submit", (event) => {
      event.preventDefault();
      sessionStorage.setItem(KEY_STORE, keyInput.value);
      keyForm.hidden = true;
      const retry = waiting;
      waiting = null;
      if (retry) retry();
    });

    async function refreshTable() {
      tableSlot.replaceChildren(el("p", { className: "loading", role: "status" }, "正在加载文件…"));
      try {
        const [documents, stats] = await Promise.all([documentsByFile(true), api("/api/document-stats", {}, { signal })]);
        const facts = new Map(stats.data.map((row) => [row.file, row.facts]));
        const rows = [...documents.values()];
        tableSlot.replaceChildren(dataTable({ name: "文件", rows, caption: `共 ${rows.length} 份文件`, empty: "还没有文件，请上传。", columns: [
          { title: "标题", value: (d) => d.title || d.file, cell: (d) => el("a", { href: href("document", d.file), title: d.title || "" }, d.title || d.file) },
          { title: "日期", value: (d) => d.date || "", className: "num" },
          { title: "字数", value: (d) => d.chars ?? "", className: "num" },
          { title: "事实", value: (d) => facts.get(d.file) ?? 0, className: "num" },
          { title: "文件名", value: (d) => [d.file, ...(d.aliases || [])].join(" "), cell: (d) => fileNames(d) },
          { title: "操作", value: () => "", cell: (d) => deleteControl(d) },
        ] }));
      } catch (error) {
        if (error.name !== "AbortError") tableSlot.replaceChildren(el("p", { className: "error", role: "alert" }, `文件列表加载失败：${error.message}`));
      }
    }

    // A text loaded under several names is one document; its other names are listed as aliases.
    function fileNames(doc) {
      const names = el("span", { className: "file-names" }, el("code", {}, doc.file));
      const aliases = doc.aliases || [];
      if (aliases.length) {
        names.append(el("span", { className: "aliases", "data-aliases": aliases.join("\n") },
          " 同文：", ...aliases.flatMap((alias, i) => [i ? "、" : "", el("code", {}, alias)])));
      }
      return names;
    }

    function deleteControl(doc) {
      const slot = el("span", { className: "delete-control" });
      const ask = el("button", { type: "button", className: "danger", "data-file": doc.file }, "删除");
      ask.addEventListener("click", () => {
        const confirm = el("button", { type: "button", className: "danger confirm-delete" }, "确认删除");
        const cancel = el("button", { type: "button" }, "取消");
        cancel.addEventListener("click", () => { slot.replaceChildren(ask); ask.focus(); });
        const run = async () => {
          confirm.disabled = true;
          try {
            const key = sessionStorage.getItem(KEY_STORE);
            const body = await api(`/api/documents/${encodeURIComponent(doc.id)}`, {}, { method: "DELETE", headers: key ? { "X-API-Key": key } : {} });
            notice.textContent = `已删除《${doc.title || doc.file}》：移除 ${body.edges_removed} 条关系，${body.edges_kept} 条关系因其他文件仍有原文而保留。`;
            await refreshTable();
          } catch (error) {
            confirm.disabled = false;
            if (error.status === 401) askKey(run);
            else notice.textContent = `删除失败：${error.message}`;
          }
        };
        confirm.addEventListener("click", run);
        slot.replaceChildren(el("span", { role: "alert" }, `删除此文件及只由它支持的事实？ `), confirm, " ", cancel);
        cancel.focus();
      });
      slot.append(ask);
      return slot;
    }

    // ---- upload ----------------------------------------------------------------------------
    const queue = [];
    const progressList = el("ol", { className: "uploads", id: "upload-list", "aria-live": "polite" });
    let running = false;
    async function drain() {
      if (running) return;
      running = true;
      let changed = false;
      while (queue.length) {
        const item = queue[0];
        item.outcome.textContent = "上传中…";
        const { status, body } = await uploadOne(item.file, sessionStorage.getItem(KEY_STORE), (share) => { item.bar.value = share; });
        if (status === 401) {
          item.outcome.textContent = "等待 API 密钥…";
          running = false;
          askKey(drain);
          return;
        }
        queue.shift();
        item.bar.value = 1;
        if (status >= 200 && status < 300) {
          changed = true;
          item.row.classList.add("ok");
          item.outcome.textContent = body.status === "duplicate"
            ? `${OUTCOMES.duplicate}《${body.duplicate_of.replace(/^doc:/, "")}》`
            : `${OUTCOMES[body.status] || body.status}：${body.nodes} 个节点，${body.edges} 条关系`;
        } else {
          item.row.classList.add("failed");
          item.outcome.textContent = `失败：${(body.error && body.error.message) || `HTTP ${status}`}`;
        }
      }
      running = false;
      if (changed) await refreshTable();
    }
    function enqueue(files) {
      for (const file of files) {
        const bar = el("progress", { max: 1, value: 0 });
        const outcome = el("span", { className: "outcome" }, "排队中");
        const row = el("li", { "data-name": file.name }, el("strong", {}, file.name), ` (${Math.ceil(file.size / 1024)} KB) `, bar, " ", outcome);
        progressList.append(row);
        queue.push({ file, bar, outcome, row });
      }
      drain();
    }
    const picker = el("input", { type: "file", id: "upload-input", multiple: true, accept: ".txt,.pdf,.docx,.html,.htm,text/plain" });
    picker.addEventListener("change", () => { enqueue([...picker.files]); picker.value = ""; });
    const drop = el("div", { className: "dropzone", id: "dropzone" },
      el("p", {}, "把报告文件（如 .txt，UTF-8 或 GB18030）拖到这里，可一次多个；或 "),
      el("label", { className: "button" }, "选择文件", picker));
    drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("over");
      enqueue([...event.dataTransfer.files]);
    });

    show(el("section", { className: "documents" },
      el("h2", {}, "文件"),
      el("h3", {}, "上传"), drop, keyForm, progressList, notice,
      el("h3", {}, "已载入的文件"), tableSlot));
    await refreshTable();
  },
};
