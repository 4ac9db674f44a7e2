import { describe, expect, it } from 'vitest';
import { imageDimensions } from './dimensions';

const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'hex'));

describe('imageDimensions', () => {
  it('reads PNG', () => {
    const png = hex('89504e470d0a1a0a 0000000d 49484452 0000012c 000000fa 0806000000');
    expect(imageDimensions(png)).toEqual({ width: 300, height: 250 });
  });
  it('reads GIF', () => {
    expect(imageDimensions(hex('474946383961 2c01 fa00 000000'))).toEqual({ width: 300, height: 250 });
  });
  it('reads JPEG past other segments', () => {
    const jpeg = hex('ffd8 ffe0 0010 4a46494600010100000100010000 ffc0 0011 08 00fa 012c 03012200021101031101');
    expect(imageDimensions(jpeg)).toEqual({ width: 300, height: 250 });
  });
  it('reads lossless WebP', () => {
    // 300×250: width-1 = 299 in 14 bits, height-1 = 249 in the next 14.
    const bits = 299 | (249 << 14);
    const webp = new Uint8Array(30);
    webp.set(Buffer.from('RIFF'), 0);
    webp.set(Buffer.from('WEBPVP8L'), 8);
    webp[20] = 0x2f;
    new DataView(webp.buffer).setUint32(21, bits, true);
    expect(imageDimensions(webp)).toEqual({ width: 300, height: 250 });
  });
  it('gives up on anything else', () => {
    expect(imageDimensions(new TextEncoder().encode('<svg width="300" height="250"/>'))).toBeNull();
  });
});
