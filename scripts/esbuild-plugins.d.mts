import type { Plugin } from "esbuild";
export declare const withoutChevrotainLexer: Plugin;
export declare const withNativeLodash: Plugin;
