// Progressive enhancement for "copy link": without JavaScript the address stays a read-only text field to copy by hand.
for (const button of document.querySelectorAll('[data-copy-target]')) {
  const input = document.getElementById(button.dataset.copyTarget);
  const status = button.closest('.govuk-form-group')?.querySelector('.lots-copy__status');
  if (!input) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      input.select();
      document.execCommand('copy');
    }
    if (status) status.textContent = button.dataset.copiedText;
  });
}
