// Applies ?theme=dark before the first paint so a dark embed does not flash white. A file, not an inline
// script, because the Content-Security-Policy allows no inline script it has not hashed.
if (/[?&]theme=dark(&|$)/.test(location.search)) document.documentElement.dataset.theme = 'dark';
