import type { Plugin } from "esbuild";
export declare const withoutChevrotainLexer: Plugin;
export declare const withNativeLodash: Plugin;
export declare const withoutUnusedChevrotain: Plugin;
export declare const LEXER_STUB_SOURCE: string;
export declare function chevrotainStub(path: string): string | undefined;
export declare const CHEVROTAIN_STUBS: Readonly<Record<string, { readonly exports: readonly string[]; readonly why: string }>>;
