import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * Lists a page's dynamically imported main chunk in its HTML as `modulepreload` (its CSS as a style
 * preload), so the browser fetches it beside the boot chunk instead of after the boot chunk has run.
 * The boot module decides when to evaluate it (pages/watch/main.tsx): fetched early, run when useful.
 * `modulePath` ends the source path of the chunk's module, e.g. `/pages/watch/mount.tsx`.
 */
export function preloadChunk(modulePath: string): Plugin {
  return {
    name: 'afritok-preload-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const tags: HtmlTagDescriptor[] = [];
        for (const file of chunk.dynamicImports) {
          const target = bundle[file];
          if (target?.type !== 'chunk' || !target.facadeModuleId?.endsWith(modulePath)) continue;
          const own = [file, ...target.imports.filter((f) => f !== chunk.fileName && !chunk.imports.includes(f))];
          for (const js of own) tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${js}` }, injectTo: 'head' });
          for (const css of target.viteMetadata?.importedCss ?? []) tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'style', href: `/${css}` }, injectTo: 'head' });
        }
        return tags;
      },
    },
  };
}
