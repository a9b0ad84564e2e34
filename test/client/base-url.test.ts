import { describe, expect, it } from "vitest";
import { apiUrl, isLoopbackHost, resolveBaseUrl } from "../../src/client/base-url.js";

describe("base URL", () => {
  it("defaults to the API and switches to the sandbox", () => {
    expect(resolveBaseUrl().href).toBe("https://api.dataforseo.com/");
    expect(resolveBaseUrl({ sandbox: true }).href).toBe("https://sandbox.dataforseo.com/");
    expect(() => resolveBaseUrl({ sandbox: true, baseUrl: "https://x.example" })).toThrow(TypeError);
  });

  it("refuses plain http except to loopback", () => {
    expect(() => resolveBaseUrl({ baseUrl: "http://api.dataforseo.com" })).toThrow(/plain http/);
    expect(() => resolveBaseUrl({ baseUrl: "http://10.0.0.1:8080" })).toThrow(TypeError);
    for (const ok of ["http://127.0.0.1:8080", "http://localhost:3000", "http://[::1]:9000", "http://127.1.2.3"]) {
      expect(resolveBaseUrl({ baseUrl: ok }).protocol).toBe("http:");
    }
    expect(isLoopbackHost("api.localhost")).toBe(true);
    expect(isLoopbackHost("127.0.0.1.nip.io")).toBe(false);
  });

  it("refuses URLs with credentials, other schemes, queries, and non-URLs", () => {
    for (const bad of ["https://u:p@api.dataforseo.com", "ftp://api.dataforseo.com", "https://api.dataforseo.com/?x=1", "not a url"]) {
      expect(() => resolveBaseUrl({ baseUrl: bad })).toThrow(TypeError);
    }
  });

  it("joins API paths under the base, keeping a path prefix, never leaving its origin", () => {
    expect(apiUrl(resolveBaseUrl(), "/v3/backlinks/summary/live")).toBe("https://api.dataforseo.com/v3/backlinks/summary/live");
    expect(apiUrl(resolveBaseUrl({ baseUrl: "https://proxy.example/dfs" }), "v3/x")).toBe("https://proxy.example/dfs/v3/x");
    expect(() => apiUrl(resolveBaseUrl(), "https://evil.example/v3/x")).toThrow(TypeError);
    expect(() => apiUrl(resolveBaseUrl(), "//evil.example/v3/x")).toThrow(TypeError);
    expect(() => apiUrl(resolveBaseUrl(), "/v2/x")).toThrow(/start with \/v3\//);
  });
});
