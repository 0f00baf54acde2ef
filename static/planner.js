// Drag and drop for the session planner (optional: the buttons do the same without JavaScript).
// Dropping an item on another moves it there through the plan's own "move" form.
'use strict';
document.querySelectorAll('ol.plan-items').forEach((list) => {
  const form = document.querySelector('form.plan-move');
  if (!form) return;
  let from = null;
  list.querySelectorAll(':scope > li').forEach((item, index) => {
    item.draggable = true;
    item.classList.add('draggable');
    item.addEventListener('dragstart', (event) => {
      from = index;
      event.dataTransfer.effectAllowed = 'move';
    });
    item.addEventListener('dragover', (event) => event.preventDefault());
    item.addEventListener('drop', (event) => {
      event.preventDefault();
      if (from === null || from === index) return;
      form.elements.position.value = String(from);
      form.elements.to.value = String(index);
      form.submit();
    });
  });
});
