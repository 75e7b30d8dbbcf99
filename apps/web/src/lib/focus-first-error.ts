/**
 * After a refused save, bring the first invalid field into view and focus it: on a long card form the field
 * the server complained about is often scrolled away. Waits a frame so the error state has rendered.
 */
export function focusFirstError(form: HTMLFormElement | null): void {
  if (!form) return;
  window.requestAnimationFrame(() => {
    const target = form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[role="alert"]');
    if (!target) return;
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (target.matches('input, select, textarea')) target.focus({ preventScroll: true });
  });
}
