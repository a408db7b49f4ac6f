import { computed, signal } from '@angular/core';

/** One press of a zoom button, and the bounds (1 = the layout's own size). */
const STEP = 1.25;
const MIN = 0.25;
const MAX = 3;

/** The flow diagram's scale: buttons, fit to a width, ctrl + wheel, and a two-finger pinch. */
export class DiagramZoom {
  readonly scale = signal(1);
  readonly percent = computed(() => Math.round(this.scale() * 100));
  readonly atMin = computed(() => this.scale() <= MIN);
  readonly atMax = computed(() => this.scale() >= MAX);
  /** Touch points on the canvas, and their distance at the last move. */
  private readonly touches = new Map<number, { x: number; y: number }>();
  private pinchDistance = 0;

  /** `steps` steps in (positive) or out (negative). */
  by(steps: number): void {
    this.set(this.scale() * STEP ** steps);
  }

  /** A drawing `natural` wide in `available` room, never larger than its own size. */
  fit(available: number, natural: number): void {
    if (available > 0 && natural > 0) this.set(Math.min(1, available / natural));
  }

  /** Ctrl + wheel (and a touchpad's pinch, which the browser reports as one) zooms instead of scrolling the page. */
  wheel(event: WheelEvent): void {
    if (!event.ctrlKey) return;
    event.preventDefault();
    this.set(this.scale() * Math.exp(-event.deltaY / 200));
  }

  /** pointerdown and pointermove: two touches moving apart zoom in, together zoom out. */
  pointer(event: PointerEvent): void {
    if (event.pointerType !== 'touch' || (event.type !== 'pointerdown' && !this.touches.has(event.pointerId))) return;
    this.touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.touches.size !== 2) return;
    const [a, b] = [...this.touches.values()];
    const distance = Math.hypot(a!.x - b!.x, a!.y - b!.y);
    if (this.pinchDistance > 0 && distance > 0) this.set(this.scale() * (distance / this.pinchDistance));
    this.pinchDistance = distance;
  }

  /** pointerup and pointercancel. */
  release(event: PointerEvent): void {
    this.touches.delete(event.pointerId);
    this.pinchDistance = 0;
  }

  private set(scale: number): void {
    this.scale.set(Math.min(MAX, Math.max(MIN, Math.round(scale * 100) / 100)));
  }
}
