// Copy-to-clipboard for the tracking link, form link and embed snippet of a variant.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  var field = document.getElementById(button.getAttribute('data-copy'));
  if (!field) {
    return;
  }
  var done = function () {
    button.classList.add('btn-success');
    setTimeout(function () { button.classList.remove('btn-success'); }, 1200);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done);
  } else {
    field.select();
    document.execCommand('copy');
    done();
  }
});
