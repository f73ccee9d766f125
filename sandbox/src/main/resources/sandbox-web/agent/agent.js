// The agent desk. Plain JS, no build step. User messages are rendered with textContent, never
// innerHTML: what users write is untrusted input to this page.
'use strict';

const $ = (id) => document.getElementById(id);
const cards = new Map(); // handoverId -> {card, entries, shown}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function status(text, error) {
  $('status').textContent = text;
  $('status').className = 'status' + (error ? ' error' : '');
}

async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {})
  });
  const result = await response.json().catch(() => ({}));
  if (!response.ok) {
    status('Ingress refused it: ' + (result.error || result.ingressStatus + ' ' + (result.ingressResponse || '')), true);
  }
  return response.ok;
}

function card(handover) {
  const node = el('article', 'handover');
  node.dataset.handoverId = handover.handoverId;
  const title = el('h2');
  title.appendChild(el('span', 'who'));
  title.appendChild(el('span', 'meta'));
  node.appendChild(title);
  const entries = el('ol', 'entries');
  node.appendChild(entries);

  const form = el('form', 'reply');
  form.autocomplete = 'off';
  const input = el('input', 'reply-text');
  input.placeholder = 'Reply as the agent';
  input.maxLength = 4096;
  input.setAttribute('aria-label', 'Agent reply');
  form.appendChild(input);
  form.appendChild(el('button', 'send', 'Send'));
  const end = el('button', 'end', 'End');
  end.type = 'button';
  form.appendChild(end);
  node.appendChild(form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    if (await post('agent/api/handovers/' + encodeURIComponent(handover.handoverId) + '/reply', { text })) {
      input.value = '';
      refresh();
    }
  });
  end.addEventListener('click', async () => {
    end.disabled = true;
    if (await post('agent/api/handovers/' + encodeURIComponent(handover.handoverId) + '/end')) {
      status('Ended; the bot has the conversation again.');
    } else {
      end.disabled = false;
    }
  });
  $('handovers').appendChild(node);
  return { card: node, entries, shown: 0 };
}

function update(view, handover) {
  view.card.querySelector('.who').textContent = handover.contactName
    ? handover.contactName + ' (' + handover.userId + ')' : handover.userId;
  view.card.querySelector('.meta').textContent = handover.status
    + (handover.agentName ? ' · ' + handover.agentName : '')
    + (handover.queuePosition ? ' · queue #' + handover.queuePosition : '')
    + ' · ' + handover.conversationKey;
  for (const entry of handover.entries.slice(view.shown)) {
    const line = el('li', 'entry ' + entry.from, entry.text);
    line.appendChild(el('span', 'at', new Date(entry.at).toLocaleTimeString([], { hour12: false })));
    view.entries.appendChild(line);
  }
  if (handover.entries.length > view.shown) {
    view.entries.scrollTop = view.entries.scrollHeight;
  }
  view.shown = handover.entries.length;
}

async function refresh() {
  let result;
  try {
    const response = await fetch('agent/api/handovers');
    result = await response.json();
  } catch (e) {
    status('The sandbox is unreachable: ' + e, true);
    return;
  }
  if (!result.enabled) {
    status('The agent panel is off: set wabridge.sandbox.agent-desk.enabled=true and spring.kafka.bootstrap-servers (./run-local.sh does).', true);
    return;
  }
  const open = new Set();
  for (const handover of result.handovers) {
    open.add(handover.handoverId);
    let view = cards.get(handover.handoverId);
    if (!view) {
      view = card(handover);
      cards.set(handover.handoverId, view);
    }
    update(view, handover);
  }
  for (const [id, view] of cards) {
    if (!open.has(id)) {
      view.card.remove();
      cards.delete(id);
    }
  }
  if (!$('status').classList.contains('error') || result.handovers.length) {
    status(result.handovers.length ? result.handovers.length + ' open handover(s) on ' + result.topic
      : 'No open handover. Waiting on ' + result.topic + '…');
  }
}

refresh();
setInterval(refresh, 700);
