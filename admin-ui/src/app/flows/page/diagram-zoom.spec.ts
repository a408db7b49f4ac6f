import { DiagramZoom } from './diagram-zoom';

const touch = (type: string, pointerId: number, clientX: number) => new PointerEvent(type, { pointerId, pointerType: 'touch', clientX, clientY: 0 });

describe('the diagram\'s zoom', () => {
  it('steps in and out within its bounds', () => {
    const zoom = new DiagramZoom();
    zoom.by(1);
    expect(zoom.scale()).toBe(1.25);
    expect(zoom.percent()).toBe(125);
    for (let i = 0; i < 20; i++) zoom.by(1);
    expect(zoom.scale()).toBe(3);
    expect(zoom.atMax()).toBe(true);
    for (let i = 0; i < 40; i++) zoom.by(-1);
    expect(zoom.scale()).toBe(0.25);
    expect(zoom.atMin()).toBe(true);
  });

  it('fits a wide drawing into the room, and a small one at its own size', () => {
    const zoom = new DiagramZoom();
    zoom.fit(300, 600);
    expect(zoom.scale()).toBe(0.5);
    zoom.fit(900, 600);
    expect(zoom.scale()).toBe(1);
  });

  it('zooms with ctrl + wheel only, and by two touches moving apart', () => {
    const zoom = new DiagramZoom();
    zoom.wheel(new WheelEvent('wheel', { deltaY: -200 }));
    expect(zoom.scale()).toBe(1);
    zoom.wheel(new WheelEvent('wheel', { deltaY: -200, ctrlKey: true, cancelable: true }));
    expect(zoom.scale()).toBeGreaterThan(2.5);

    const pinched = new DiagramZoom();
    pinched.pointer(touch('pointerdown', 1, 100));
    pinched.pointer(touch('pointerdown', 2, 150));
    pinched.pointer(touch('pointermove', 2, 200));
    expect(pinched.scale()).toBe(2);
    pinched.release(touch('pointerup', 2, 200));
    pinched.pointer(touch('pointermove', 2, 400));
    expect(pinched.scale()).toBe(2);
  });
});
