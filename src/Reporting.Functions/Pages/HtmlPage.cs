using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Reporting.Functions.Pages;

/// <summary>
/// The shell of every page and the headers every HTML response carries. The only script and the only style
/// are constants whose SHA-256 the Content-Security-Policy names, so nothing inline that an attacker managed
/// to echo into a page can run or restyle it.
/// </summary>
public static class HtmlPage
{
    /// <summary>The one style sheet of every page; narrow screens (390 px) get the same content, one column.</summary>
    public static readonly string Style = EmbeddedText.Read("HtmlPage.Style.css");

    /// <summary>
    /// The form's script: counts characters, warns about a file and typed text both given (or text loaded from another part),
    /// posts with fetch and shows the answer at the top of the page, focused so it is in view and read out (a plain post works
    /// without it). Once saved the box is emptied for the next part not yet submitted, which is selected, and the answer links to it.
    /// A file over the upload limit is refused here, before a byte of it is sent (the server refuses it too, after reading it).
    /// The button is disabled while a post is under way, and the form's one-time submission id is renewed once that post has stored a
    /// version (the next post is a new submission); a repeat the server recognised (200, not 201) is said to be one.
    /// </summary>
    public const string FormScript = """
        const form = document.getElementById('draft');
        const body = form.elements.body, file = form.elements.file, section = form.elements.section;
        const count = document.getElementById('count'), warning = document.getElementById('both');
        const box = document.getElementById('result');
        const max = Number(body.dataset.max), maxBytes = Number(file.dataset.maxBytes), maxMb = file.dataset.maxMb;
        const tooLarge = () => file.files.length > 0 && file.files[0].size > maxBytes;
        const button = form.querySelector('button[type=submit]'), once = form.elements.submissionId;
        const newId = () => crypto.randomUUID ? crypto.randomUUID()
          : [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
        const update = () => {
          const n = [...body.value].length;
          count.textContent = `已输入 ${n} 字，上限 ${max} 字`;
          count.className = n > max ? 'error' : 'count';
          const notes = [];
          if (tooLarge())
            notes.push(`注意：所选文件 ${(file.files[0].size / 1048576).toFixed(1)} MB，超过 ${maxMb} MB 上限，无法上传。请压缩或拆分后再选。`);
          if (file.files.length > 0 && body.value.trim() !== '')
            notes.push('注意：您同时填写了正文并选择了文件，提交时将使用文件的内容，文本框中的正文不会保存。');
          if (form.dataset.source && section.value !== form.dataset.source && body.value.trim() !== '')
            notes.push(`注意：正文框中是“${form.dataset.sourcePart}”第 ${form.dataset.sourceVersion} 版的内容，而现在选择的是另一部分。`);
          warning.textContent = notes.join('\n');
        };
        body.addEventListener('input', update); file.addEventListener('change', update); section.addEventListener('change', update); update();
        const show = (className, ...lines) => {
          box.className = className;
          box.replaceChildren(...lines.map(parts => { const p = document.createElement('p'); p.append(...parts); return p; }));
          box.focus();
        };
        const link = (text, base, query) => {
          const a = document.createElement('a');
          a.textContent = text; a.href = base + (query ? '?' + new URLSearchParams(query) : '');
          return a;
        };
        // The next required part without a version, after the one just saved (going round); only for the year the page was made for.
        const nextAfter = (saved, year) => {
          if (String(year) !== form.dataset.year) return null;
          const parts = [...section.options].filter(o => o.dataset.required);
          const at = parts.findIndex(o => o.value === saved);
          return [...parts.slice(at + 1), ...parts.slice(0, at + 1)].find(o => o.value !== saved && !o.dataset.written) || null;
        };
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          if (button.disabled) return;
          if (tooLarge()) {
            show('error', [`未提交：所选文件超过 ${maxMb} MB 上限。请压缩图片或拆分文件后再上传，或把正文粘贴到文本框中。`]);
            return;
          }
          button.disabled = true;
          show('', ['正在提交…']);
          try {
            const response = await fetch(form.action, { method: 'POST', body: new FormData(form), headers: { 'Accept': 'application/json' } });
            const data = await response.json();
            if (response.ok) {
              const department = form.elements.department.selectedOptions[0].textContent;
              const part = section.selectedOptions[0];
              part.dataset.written = '1';
              const next = nextAfter(data.section, data.year);
              const place = { year: data.year, department: data.department };
              const links = next ? [link('继续填写下一部分', form.dataset.form, { ...place, section: next.value }), ' · '] : [];
              links.push(link('查看草稿', form.dataset.draft, { ...place, section: data.section, version: data.version }), ' · ');
              if (!next) links.push(link('查看本部门报告', form.dataset.report), ' · ');
              links.push(link('回到我的待办', form.dataset.todo));
              const repeat = response.status === 200 ? '（重复提交，未再保存新版本）' : '';
              once.value = newId();
              show('ok', [`已保存：${data.year} 年${department}“${part.textContent}”，第 ${data.version} 版（${data.length} 字），待审核。${repeat}`],
                [next ? `下一个未提交的部分：“${next.textContent}”，已在下方表单中选好。` : '各必填部分均已提交。'], links);
              // Saved: the box is emptied for the next part, which is selected; nothing of this one is carried over.
              file.value = ''; body.value = '';
              if (next) section.value = next.value;
              delete form.dataset.source; document.getElementById('source')?.remove();
              update();
            } else {
              const details = data.errors ? Object.values(data.errors).flat() : [data.detail];
              show('error', [`${data.title}：${details.join(' ')}`]);
            }
          } catch (e) {
            show('error', ['提交失败：无法连接服务器，请稍后重试。']);
          } finally {
            button.disabled = false;
          }
        });
        """;

    /// <summary>
    /// Follows work in progress without a timed reload (本部门报告 while its PDF is being made, 立即汇编's run): the status
    /// region (<c>role="status"</c>, <c>data-follow</c> the JSON status resource) says what the page was made with; the script asks
    /// that resource every <c>data-every</c> ms, at most <c>data-tries</c> times. While the answer's <c>data-field</c> is one of
    /// <c>data-while</c> it words a changed value from <c>data-says</c> into the region, read out where it is; once it is none of
    /// them, the page is shown again, finished. Out of tries it says <c>data-gave-up</c> with a link to reload. Elements marked
    /// <c>data-scripted</c> (停止自动刷新) show only while it follows, those marked <c>data-unscripted</c> (a plain 刷新 link) only when it does not.
    /// </summary>
    public const string FollowScript = """
        const region = document.querySelector('[data-follow]');
        const { follow, field, state, every, tries, gaveUp } = region.dataset;
        const during = region.dataset.while.split(' '), says = JSON.parse(region.dataset.says || '{}');
        const mark = (following) => {
          document.querySelectorAll('[data-scripted]').forEach(e => { e.hidden = !following; });
          document.querySelectorAll('[data-unscripted]').forEach(e => { e.hidden = following; });
        };
        let seen = state;
        const ask = async (round) => {
          try {
            const response = await fetch(follow, { headers: { 'Accept': 'application/json' }, cache: 'no-store' });
            if (response.ok) {
              const value = (await response.json())[field];
              // Only a worded value ends the following: an answer without it (another shape) must not reload the page every few seconds.
              if (typeof value === 'string' && !during.includes(value)) { location.reload(); return; }
              if (value !== seen && says[value]) region.textContent = says[value];
              seen = value;
            }
          } catch (e) { /* asked again below */ }
          if (round < Number(tries)) { setTimeout(() => ask(round + 1), Number(every)); return; }
          mark(false);
          const again = document.createElement('a');
          again.href = location.href; again.textContent = '刷新本页';
          region.replaceChildren(gaveUp, ' ', again);
        };
        mark(true);
        setTimeout(() => ask(1), Number(every));
        """;

    /// <summary>我的待办's 全选 for 批量审核: shown only where the script runs (without it each draft is ticked on its own).</summary>
    public const string PickAllScript = """
        const all = document.getElementById('pick-all');
        const boxes = [...document.querySelectorAll('input[type=checkbox][form=batch]')];
        document.getElementById('pick-all-label').hidden = false;
        all.addEventListener('change', () => boxes.forEach(box => { box.checked = all.checked; }));
        boxes.forEach(box => box.addEventListener('change', () => { all.checked = boxes.every(b => b.checked); }));
        """;

    /// <summary>
    /// Every signed-in page: asks how many items 我的待办 holds and writes the number beside its link in the navigation; the
    /// page does not wait for it, and without the script (or the answer) the link reads as before.
    /// </summary>
    public const string TodoCountScript = """
        const todo = document.querySelector('header nav a[data-count]');
        fetch(todo.dataset.count, { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
          .then(response => response.ok ? response.json() : null)
          .then(data => {
            if (!data || data.count < 1) return;
            const count = document.createElement('span');
            count.className = 'count'; count.textContent = `（${data.count}）`;
            todo.append(count);
          })
          .catch(() => { /* the link reads as before */ });
        """;

    /// <summary>
    /// Every form a page posts itself (not the draft form, whose script posts it) is posted once: a double click or a second tap on a
    /// slow phone finds its buttons disabled until the answer comes. Disabled a turn after the submit event, once the browser has
    /// taken the form's data with the button that was pressed (a disabled button is not sent, and 通过/退回 are buttons); enabled
    /// again when the browser shows the page from its history (back), where they would otherwise stay disabled.
    /// </summary>
    public const string PostOnceScript = """
        const buttons = (form) => form.querySelectorAll('button:not([type=button]):not([type=reset]), input[type=submit]');
        document.addEventListener('submit', (event) => {
          const form = event.target;
          if (event.defaultPrevented || form.method !== 'post') return;
          setTimeout(() => buttons(form).forEach(b => { b.disabled = true; b.dataset.posting = ''; }), 0);
        });
        window.addEventListener('pageshow', () => {
          document.querySelectorAll('[data-posting]').forEach(b => { b.disabled = false; delete b.dataset.posting; });
        });
        """;

    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; script-src '{Hash(FormScript)}' '{Hash(FollowScript)}' '{Hash(PickAllScript)}' '{Hash(TodoCountScript)}' "
        + $"'{Hash(PostOnceScript)}'; "
        + $"style-src '{Hash(Style)}'; connect-src 'self'; img-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The policy for a page whose form may end in a redirect to <paramref name="origin"/>: browsers hold every hop of a form
    /// submission's redirects to <c>form-action</c>, so a sign-in that goes back to a PDF link (and on to Blob Storage) needs it.
    /// </summary>
    public static string PolicyWithFormsTo(string origin) => ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {origin}");

    public static string Render(string title, string body, bool withFormScript = false) => $$"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}}</title>
        <style>{{Style}}</style></head>
        <body>{{body}}{{(withFormScript ? $"<script>{FormScript}</script>" : "")}}</body></html>
        """;

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Headers of every HTML response (and harmless on the others).</summary>
    /// <param name="policy">The page's Content-Security-Policy when it is not <see cref="ContentSecurityPolicy"/>.</param>
    public static void ApplySecurityHeaders(HttpResponse response, bool html, string? policy = null)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        if (!html) return;
        response.Headers.ContentSecurityPolicy = policy ?? ContentSecurityPolicy;
        response.Headers.XFrameOptions = "DENY";
        response.Headers.CacheControl = "no-store";
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
