// The user's phone. Plain JS, no build step. Everything a bot sends is rendered with textContent,
// never innerHTML: bot output is untrusted input to this page.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { userId: null, name: null, source: null, rendered: new Map(), lastAt: null, lastFrom: null, typingTimer: null, queue: null };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function clock(at) {
  const d = new Date(at);
  return d.toLocaleTimeString([], { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
}

function duration(ms) {
  return ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s';
}

function scrollDown() {
  const box = $('messages');
  box.scrollTop = box.scrollHeight;
}

function note(text, error) {
  $('messages').appendChild(el('div', 'bubble note' + (error ? ' error' : ''), text));
  scrollDown();
}

// ---- ticks -------------------------------------------------------------------------------------

function botTicks(status) {
  if (status === 'failed') return ['!', 'ticks failed', 'failed (a planned fault)'];
  if (status === 'read') return ['✓✓', 'ticks read', 'read'];
  if (status === 'delivered') return ['✓✓', 'ticks', 'delivered'];
  if (status === 'sent') return ['✓', 'ticks', 'sent'];
  return ['🕓', 'ticks', 'accepted by the Graph API, not yet sent'];
}

function setTicks(node, [symbol, className, title]) {
  node.textContent = symbol;
  node.className = className;
  node.title = title;
}

// ---- sending -----------------------------------------------------------------------------------

async function send(payload, shownText) {
  const body = Object.assign({ userId: state.userId, name: state.name }, payload);
  // Shown before the request returns: the bot's reply may arrive (over the stream) before ingress's answer does.
  const shown = renderUser({ text: shownText, sentAt: new Date().toISOString(), ingressStatus: null, readAt: null });
  let result;
  try {
    const response = await fetch('chat/api/messages', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    result = await response.json();
  } catch (e) {
    setTicks(shown.ticks, ['!', 'ticks failed', 'not sent']);
    note('The sandbox is not reachable: ' + e, true);
    return;
  }
  if (result.messageId) state.rendered.set(result.messageId, shown);
  if (result.ingressStatus >= 200 && result.ingressStatus < 300) {
    if (!shown.read) setTicks(shown.ticks, ['✓✓', 'ticks', 'accepted by ingress']);
    return;
  }
  setTicks(shown.ticks, ['!', 'ticks failed', 'not accepted']);
  if (result.error) note('Not sent: ' + result.error, true);
  else note('Ingress answered ' + result.ingressStatus + ': ' + (result.ingressResponse || ''), true);
}

function click(type, id, title, description, contextMessageId, buttonsToDisable) {
  buttonsToDisable.forEach((b) => { b.disabled = true; });
  const reply = { type, id, title, contextMessageId };
  if (description) reply.description = description;
  send({ reply }, title);
}

// ---- rendering ---------------------------------------------------------------------------------

function meta(at, from) {
  const line = el('div', 'meta');
  if (from === 'bot' && state.lastAt) {
    const gap = new Date(at) - new Date(state.lastAt);
    const since = state.lastFrom === 'user' ? ' after your message' : ' after previous reply';
    line.appendChild(el('span', 'gap', '+' + duration(Math.max(0, gap)) + since));
  }
  line.appendChild(el('span', null, clock(at)));
  state.lastAt = at;
  state.lastFrom = from;
  return line;
}

/** Draws a user message and returns what later updates need (its ticks). */
function renderUser(message) {
  if (message.id && state.rendered.has(message.id)) return state.rendered.get(message.id);
  const bubble = el('div', 'bubble user');
  bubble.appendChild(el('div', null, message.text || (message.reply && message.reply.title) || ''));
  const line = meta(message.sentAt, 'user');
  const ticks = el('span');
  line.appendChild(ticks);
  bubble.appendChild(line);
  const shown = { ticks, from: 'user', read: Boolean(message.readAt) };
  if (message.ingressStatus === null) setTicks(ticks, ['🕓', 'ticks', 'sending']);
  else if (message.ingressStatus < 200 || message.ingressStatus > 299) setTicks(ticks, ['!', 'ticks failed', 'ingress did not accept this message']);
  else if (message.readAt) setTicks(ticks, ['✓✓', 'ticks read', 'read by the business']);
  else setTicks(ticks, ['✓✓', 'ticks', 'accepted by ingress']);
  if (message.id) state.rendered.set(message.id, shown);
  $('messages').appendChild(bubble);
  scrollDown();
  return shown;
}

function renderBot(message) {
  if (state.rendered.has(message.id)) return;
  hideTyping();
  const bubble = el('div', 'bubble bot');
  bubble.title = message.id;
  renderBody(bubble, message.body || {}, message.id);
  const line = meta(message.acceptedAt, 'bot');
  const ticks = el('span');
  setTicks(ticks, botTicks(message.status));
  line.appendChild(ticks);
  bubble.appendChild(line);
  state.rendered.set(message.id, { ticks, from: 'bot', status: message.status });
  $('messages').appendChild(bubble);
  scrollDown();
}

function renderBody(bubble, body, messageId) {
  const type = body.type || 'text';
  const part = body[type] || {};
  switch (type) {
    case 'text':
      bubble.appendChild(el('div', null, part.body));
      break;
    case 'interactive':
      renderInteractive(bubble, part, messageId);
      break;
    case 'image':
    case 'sticker':
      if (part.link) {
        const img = el('img');
        img.src = part.link;
        img.alt = part.caption || type;
        bubble.appendChild(img);
      } else {
        bubble.appendChild(el('div', 'footer', '[' + type + ' media id ' + part.id + ']'));
      }
      if (part.caption) bubble.appendChild(el('div', null, part.caption));
      break;
    case 'video':
    case 'audio':
    case 'document': {
      const label = part.filename || type;
      if (part.link) {
        const a = el('a', null, '📎 ' + label);
        a.href = part.link;
        a.target = '_blank';
        a.rel = 'noopener';
        bubble.appendChild(a);
      } else {
        bubble.appendChild(el('div', 'footer', '[' + label + ' media id ' + part.id + ']'));
      }
      if (part.caption) bubble.appendChild(el('div', null, part.caption));
      break;
    }
    case 'location': {
      bubble.appendChild(el('div', 'header', '📍 ' + (part.name || 'Location')));
      if (part.address) bubble.appendChild(el('div', null, part.address));
      const a = el('a', null, part.latitude + ', ' + part.longitude);
      a.href = 'https://www.openstreetmap.org/?mlat=' + encodeURIComponent(part.latitude) + '&mlon=' + encodeURIComponent(part.longitude);
      a.target = '_blank';
      a.rel = 'noopener';
      bubble.appendChild(a);
      break;
    }
    case 'reaction':
      bubble.appendChild(el('div', null, part.emoji ? 'reacted ' + part.emoji + ' to a message' : 'removed a reaction'));
      break;
    case 'template':
      bubble.appendChild(el('div', null, '[template ' + part.name + ' (' + (part.language && part.language.code) + ')]'));
      break;
    default:
      bubble.appendChild(el('pre', null, JSON.stringify(body, null, 2)));
  }
}

function renderInteractive(bubble, interactive, messageId) {
  const header = interactive.header;
  if (header && header.type === 'text') bubble.appendChild(el('div', 'header', header.text));
  else if (header && header[header.type] && header[header.type].link && header.type === 'image') {
    const img = el('img');
    img.src = header.image.link;
    img.alt = 'header';
    bubble.appendChild(img);
  }
  if (interactive.body) bubble.appendChild(el('div', null, interactive.body.text));
  if (interactive.footer) bubble.appendChild(el('div', 'footer', interactive.footer.text));
  const action = interactive.action || {};
  const actions = el('div', 'actions');
  if (interactive.type === 'button') {
    const buttons = [];
    (action.buttons || []).forEach((b) => {
      const reply = b.reply || {};
      const button = el('button', null, reply.title);
      button.type = 'button';
      button.title = 'payload: ' + reply.id;
      button.addEventListener('click', () => click('button_reply', reply.id, reply.title, null, messageId, buttons));
      buttons.push(button);
      actions.appendChild(button);
    });
  } else if (interactive.type === 'list') {
    const open = el('button', null, '☰ ' + action.button);
    open.type = 'button';
    const rows = el('div', 'rows');
    const buttons = [];
    (action.sections || []).forEach((section) => {
      if (section.title) rows.appendChild(el('h4', null, section.title));
      (section.rows || []).forEach((row) => {
        const button = el('button', null, row.title);
        button.type = 'button';
        button.title = 'payload: ' + row.id;
        if (row.description) button.appendChild(el('small', null, row.description));
        button.addEventListener('click', () => click('list_reply', row.id, row.title, row.description, messageId, buttons));
        buttons.push(button);
        rows.appendChild(button);
      });
    });
    open.addEventListener('click', () => rows.classList.toggle('open'));
    actions.appendChild(open);
    bubble.appendChild(actions);
    bubble.appendChild(rows);
    return;
  } else if (interactive.type === 'cta_url') {
    const parameters = action.parameters || {};
    const a = el('a', null, '↗ ' + parameters.display_text);
    a.href = parameters.url;
    a.target = '_blank';
    a.rel = 'noopener';
    actions.appendChild(a);
  } else {
    actions.appendChild(el('pre', null, JSON.stringify(interactive, null, 2)));
  }
  bubble.appendChild(actions);
}

// ---- live updates ------------------------------------------------------------------------------

function showTyping() {
  $('typing').hidden = false;
  clearTimeout(state.typingTimer);
  // WhatsApp shows the indicator until the next message or for 25 s.
  state.typingTimer = setTimeout(hideTyping, 25000);
}

function hideTyping() {
  $('typing').hidden = true;
  clearTimeout(state.typingTimer);
}

function onStatus(status) {
  const shown = state.rendered.get(status.messageId);
  if (!shown || shown.from !== 'bot') return;
  const order = ['accepted', 'sent', 'delivered', 'read', 'failed'];
  // Statuses never move backwards, as on a real phone.
  if (order.indexOf(status.status) > order.indexOf(shown.status || 'accepted')) {
    shown.status = status.status;
    setTicks(shown.ticks, botTicks(status.status));
  }
}

function onRead(read) {
  const shown = state.rendered.get(read.messageId);
  if (shown && shown.from === 'user') {
    shown.read = true;
    setTicks(shown.ticks, ['✓✓', 'ticks read', 'read by the business']);
  }
  if (read.typing) showTyping();
}

function onEvent(handler) {
  return (e) => {
    const data = JSON.parse(e.data);
    // Until the history is drawn, live events wait, so that nothing is drawn out of order.
    if (state.queue) state.queue.push(() => handler(data));
    else handler(data);
  };
}

async function connect() {
  if (state.source) state.source.close();
  state.rendered.clear();
  state.lastAt = null;
  state.lastFrom = null;
  state.queue = [];
  $('messages').replaceChildren();
  hideTyping();
  // Subscribe first, then load the history: a message in between is then in one or both (drawn once).
  const source = new EventSource('chat/api/stream?userId=' + encodeURIComponent(state.userId));
  source.addEventListener('message', onEvent(renderBot));
  source.addEventListener('status', onEvent(onStatus));
  source.addEventListener('read', onEvent(onRead));
  source.onerror = () => { /* EventSource reconnects by itself */ };
  state.source = source;
  await new Promise((resolve) => {
    source.addEventListener('ready', resolve, { once: true });
    setTimeout(resolve, 2000);
  });
  try {
    const history = await (await fetch('chat/api/messages?userId=' + encodeURIComponent(state.userId))).json();
    history.messages.forEach((entry) => {
      if (entry.from === 'user') renderUser(entry.message);
      else renderBot(entry.message);
    });
  } catch (e) {
    note('Could not load the history: ' + e, true);
  }
  const queued = state.queue;
  state.queue = null;
  queued.forEach((apply) => apply());
}

// ---- start -------------------------------------------------------------------------------------

function randomUserId() {
  let digits = '4917';
  for (let i = 0; i < 8; i++) digits += Math.floor(Math.random() * 10);
  return digits;
}

async function start() {
  state.userId = localStorage.getItem('sandbox.userId') || randomUserId();
  state.name = localStorage.getItem('sandbox.name') || 'Sandbox User';
  $('userId').value = state.userId;
  $('name').value = state.name;
  try {
    const config = await (await fetch('chat/api/config')).json();
    $('business').textContent = 'business +' + config.businessNumber + ' · endpoint ' + config.endpointId
      + ' · webhooks to ' + config.webhookUrl + ' · local use only';
  } catch (e) {
    note('The sandbox is not reachable: ' + e, true);
  }
  $('who').addEventListener('submit', (e) => {
    e.preventDefault();
    state.userId = $('userId').value.trim();
    state.name = $('name').value.trim() || 'Sandbox User';
    localStorage.setItem('sandbox.userId', state.userId);
    localStorage.setItem('sandbox.name', state.name);
    connect();
  });
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('text').value;
    if (!text.trim()) return;
    $('text').value = '';
    send({ text }, text);
  });
  document.querySelectorAll('.chips button').forEach((b) => b.addEventListener('click', () => send({ text: b.dataset.text }, b.dataset.text)));
  connect();
}

start();
