import type { Browser } from 'playwright-core';

/** The status colours of the report's cells, as its stylesheet has them. */
export const COLOURS = { green: [0x2d, 0xa4, 0x4e], red: [0xcf, 0x22, 0x2e], grey: [0xd0, 0xd7, 0xde] } as const;
export type Region = { x: number; y: number; width: number; height: number };

/**
 * How many pixels of each status colour a screenshot holds, within a region
 * of it if given. Decoded in a page of its own: the report's policy forbids
 * images, rightly.
 */
export async function colourCounts(
  browser: Browser,
  png: Buffer,
  region?: Region,
): Promise<{ width: number; height: number; green: number; red: number; grey: number }> {
  const canvas = await browser.newPage();
  try {
    return await canvas.evaluate(
      async ({ b64, region, colours }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const r = region ?? { x: 0, y: 0, width: img.width, height: img.height };
        const px = ctx.getImageData(r.x, r.y, r.width, r.height).data;
        const near = (i: number, [R, G, B]: readonly number[], d: number) =>
          Math.abs(px[i]! - R!) < d && Math.abs(px[i + 1]! - G!) < d && Math.abs(px[i + 2]! - B!) < d;
        let green = 0,
          red = 0,
          grey = 0;
        for (let i = 0; i < px.length; i += 4) {
          if (near(i, colours.green, 8)) green++;
          if (near(i, colours.red, 8)) red++;
          if (near(i, colours.grey, 4)) grey++;
        }
        return { width: img.width, height: img.height, green, red, grey };
      },
      { b64: png.toString('base64'), region, colours: COLOURS },
    );
  } finally {
    await canvas.close();
  }
}
