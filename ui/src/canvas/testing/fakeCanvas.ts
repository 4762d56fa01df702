// Recording stand-in for a 2D canvas in Node tests: keeps every call so tests can assert what a frame drew.
export interface Call {
  name: string;
  args: unknown[];
}

export function fakeCanvas(): { canvas: HTMLCanvasElement; calls: Call[] } {
  const calls: Call[] = [];
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(state, {
    get(target, prop: string) {
      if (prop in target) return target[prop];
      if (prop === "measureText") return (t: string) => ({ width: t.length * 7 });
      if (prop === "canvas") return canvas;
      if (prop === "createImageData") {
        return (w: number, h: number) => { calls.push({ name: prop, args: [w, h] }); return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }; };
      }
      return (...args: unknown[]) => { calls.push({ name: prop, args }); };
    },
    set(target, prop: string, value) {
      target[prop] = value;
      calls.push({ name: `set:${prop}`, args: [value] });
      return true;
    },
  });
  const canvas = { width: 300, height: 150, getContext: () => ctx, style: {} } as unknown as HTMLCanvasElement;
  return { canvas, calls };
}
