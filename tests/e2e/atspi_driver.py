# atspi_driver.py: a small toolkit to drive a GTK 4 application through AT-SPI.
#
# Written for GTK 4.8 + libadwaita 1.2 under Xvfb without a window manager:
# - widgets are found by role and accessible name, never by position alone;
# - values are set through the EditableText and Value interfaces, not keys;
# - AdwComboRow has no Action: it is opened with a mouse click and its item
#   picked with the arrow keys, checking the focused item through AT-SPI
#   (GTK 4.8 reports the popover's coordinates wrongly, so it can't be clicked);
# - shortcuts are sent as key symbols with locked modifiers (keymap-proof).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import signal
import subprocess
import time

import pyatspi
from gi.repository import Atspi

DEFAULT_TIMEOUT = 10.0

KEY_CONTROL_MASK = 1 << 2      # GDK_CONTROL_MASK / X11 ControlMask
KEYSYM_DOWN = 0xff54
KEYSYM_UP = 0xff52
KEYSYM_RETURN = 0xff0d
KEYSYM_ESCAPE = 0xff1b


class Failure(AssertionError):
    """The application did not behave as expected."""


class AppExited(Failure):
    """The application is gone: no use waiting any longer."""


_START = time.monotonic()


def log(message):
    print(f"# [{time.monotonic() - _START:5.1f} s] {message}", flush=True)


def check(condition, message):
    if not condition:
        raise Failure(message)


def wait_for(probe, timeout=DEFAULT_TIMEOUT, what="something", interval=0.1):
    """Polls probe() until it returns something true; returns that.

    probe() may raise: the last exception is reported on timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = probe()
            if value:
                return value
        except AppExited:
            raise
        except Exception as error:          # a node went away mid-walk, and so on
            last_error = error
        if time.monotonic() >= deadline:
            detail = f" (last error: {last_error})" if last_error else ""
            raise Failure(f"timed out after {timeout:.0f} s waiting for {what}{detail}")
        time.sleep(interval)


def wait_equal(probe, expected, timeout=DEFAULT_TIMEOUT, what="a value"):
    """Waits until probe() == expected; on timeout says what was seen instead."""
    seen = ["<nothing read>"]

    def attempt():
        seen[0] = probe()
        return seen[0] == expected

    try:
        wait_for(attempt, timeout=timeout, what=what)
    except Failure:
        raise Failure(f"{what}: expected {expected!r}, the window shows {seen[0]!r}") from None
    return expected


# ---------------------------------------------------------------- the tree

def role(node):
    return node.getRoleName()


def states(node):
    return node.getState()


def is_sensitive(node):
    return states(node).contains(pyatspi.STATE_SENSITIVE)


def is_focused(node):
    return states(node).contains(pyatspi.STATE_FOCUSED)


def children(node):
    try:
        return [child for child in node if child is not None]
    except Exception:
        return []


def find_all(root, predicate, max_depth=80):
    """Depth-first, in document order."""
    found = []
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        try:
            if predicate(node):
                found.append(node)
        except Exception:
            continue
        if depth < max_depth:
            stack.extend((child, depth + 1) for child in reversed(children(node)))
    return found


def find_first(root, predicate):
    items = find_all(root, predicate)
    return items[0] if items else None


def by_role_name(role_name, name=None, name_prefix=None):
    def predicate(node):
        if role(node) != role_name:
            return False
        if name is not None and node.name != name:
            return False
        if name_prefix is not None and not node.name.startswith(name_prefix):
            return False
        return True
    return predicate


def labelled_by(node):
    """Texts of the nodes a node is labelled by (GTK's LABELLED_BY relation)."""
    texts = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for i in range(relation.getNTargets()):
                target = relation.getTarget(i)
                if target is not None:
                    texts.append(target.name)
    return texts


def find_labelled(root, role_name, label):
    """A node of a role whose LABELLED_BY relation points at label text.

    GTK 4.8 concatenates a widget's own label and its labelled-by label in
    the name ("Monthly API spend Monthly API spend"), so the relation is the
    robust key; the name is the fallback."""
    def predicate(node):
        if role(node) != role_name:
            return False
        return label in labelled_by(node) or node.name == label
    return find_first(root, predicate)


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def label_texts(root):
    return [text_of(node) for node in find_all(root, by_role_name("label"))]


def center(node):
    # GTK 4.8 can't report screen coordinates ("Screen coordinates not
    # supported"): it gives coordinates in the toplevel, which equal the
    # screen's when the window sits at 0,0 (Xvfb without a window manager).
    extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return extents.x + extents.width // 2, extents.y + extents.height // 2, extents


def click(node):
    x, y, _ = center(node)
    pyatspi.Registry.generateMouseEvent(x, y, "b1c")


def point_at(node):
    x, y, _ = center(node)
    pyatspi.Registry.generateMouseEvent(x, y, "abs")


def press_action(node, what):
    """Runs the node's first action (a button's "click")."""
    try:
        action = node.queryAction()
    except NotImplementedError:
        raise Failure(f"{what} has no Action interface") from None
    check(action.nActions > 0, f"{what} has no action")
    check(action.doAction(0), f"{what}: its action was refused")


def key(keysym):
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)


def shortcut(modifiers, keysym):
    Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.LOCKMODIFIERS)
    try:
        key(keysym)
    finally:
        Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.UNLOCKMODIFIERS)


def set_text(entry, value, what):
    check(entry.queryEditableText().setTextContents(value), f"{what}: setTextContents refused")
    wait_equal(lambda: text_of(entry), value, what=f"{what} text")


def set_value(node, value, what):
    node.queryValue().currentValue = float(value)
    wait_equal(lambda: node.queryValue().currentValue, float(value), what=f"{what} value")


def scroll_into_view(node, viewport):
    """Scrolls viewport (a scroll pane) until node lies inside it, through the
    Value interface of the pane's vertical scroll bar."""
    _, _, view = center(viewport)
    _, _, box = center(node)
    if box.y >= view.y and box.y + box.height <= view.y + view.height:
        return
    bars = [bar for bar in children(viewport) if role(bar) == "scroll bar"]
    ranges = [find_first(bar, lambda n: "Value" in pyatspi.listInterfaces(n)) for bar in bars]
    ranges = [r for r in ranges if r is not None]
    check(ranges, "a control lies outside its scrolled view and the view can't be scrolled")
    # The vertical bar is the one whose maximum is not zero.
    value = max(ranges, key=lambda r: r.queryValue().maximumValue).queryValue()
    target = value.currentValue + (box.y - view.y) - (view.height - box.height) / 2
    value.currentValue = max(value.minimumValue, min(value.maximumValue, target))

    def inside():
        _, _, now = center(node)
        return now.y >= view.y and now.y + now.height <= view.y + view.height
    wait_for(inside, what="the control to scroll into view")


def combo_selection(combo):
    """What an AdwComboRow shows: the labels of the row's own list view
    (the first labels are the title and subtitle)."""
    lists = [node for node in find_all(combo, by_role_name("list"))
             if not any(role(a) == "filler" and a.name == "GtkPopover" for a in ancestors(node, combo))]
    shown = [text_of(label) for lst in lists for label in find_all(lst, by_role_name("label"))]
    return shown[0] if shown else None


def ancestors(node, stop):
    result = []
    parent = node.parent
    while parent is not None and parent != stop:
        result.append(parent)
        parent = parent.parent
    return result


def choose_in_combo(combo, wanted, what, viewport=None):
    """Opens an AdwComboRow with a click and picks the item `wanted` with
    the arrow keys and Return, checking the focused item each step."""
    if combo_selection(combo) == wanted:
        return
    if viewport is not None:
        scroll_into_view(combo, viewport)
    click(combo)

    def popover_items():
        popovers = find_all(combo, lambda n: role(n) == "filler" and n.name == "GtkPopover")
        items = []
        for popover in popovers:
            for item in find_all(popover, by_role_name("list item")):
                texts = label_texts(item)
                items.append((item, texts[0] if texts else ""))
        return items

    items = wait_for(lambda: [i for i in popover_items() if is_focused(i[0])] and popover_items(),
                     what=f"the list of {what} to open")
    names = [name for _, name in items]
    check(wanted in names, f"{what}: no item {wanted!r} among {names}")
    for _ in range(len(names) + 1):
        focused = [name for item, name in popover_items() if is_focused(item)]
        if focused and focused[0] == wanted:
            break
        current = names.index(focused[0]) if focused else 0
        key(KEYSYM_DOWN if names.index(wanted) > current else KEYSYM_UP)
        time.sleep(0.05)
        wait_for(lambda: [n for i, n in popover_items() if is_focused(i)] != focused,
                 timeout=3, what=f"the focus to move in the list of {what}")
    key(KEYSYM_RETURN)
    wait_equal(lambda: combo_selection(combo), wanted, what=what)


# ---------------------------------------------------------------- processes

def bus_name_owned(name):
    from gi.repository import Gio, GLib
    connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = connection.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                 "org.freedesktop.DBus", "NameHasOwner",
                                 GLib.Variant("(s)", (name,)), GLib.VariantType("(b)"),
                                 Gio.DBusCallFlags.NONE, 5000, None)
    return reply.unpack()[0]


class Application:
    """One run of the program, found on the AT-SPI bus by its process id."""

    def __init__(self, argv, env, cwd, log_path):
        self.argv = argv
        self.log_path = log_path
        self.log_file = open(log_path, "ab")
        self.log_file.write(f"\n=== {' '.join(argv)}\n".encode())
        self.log_file.flush()
        self.process = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                                        stdout=self.log_file, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self.accessible = None
        self.closed = False         # quit on purpose, so its exit is no failure

    @property
    def pid(self):
        return self.process.pid

    def death(self):
        """None while it runs (or after a wanted quit), else how it ended."""
        code = self.process.poll()
        if code is None or self.closed:
            return None
        if code < 0:
            return f"the application was killed by signal {-code}"
        return f"the application exited with status {code}"

    def check_running(self):
        death = self.death()
        if death:
            raise AppExited(f"{death} (its output is below)")

    def find(self, timeout=20.0):
        def probe():
            self.check_running()
            for app in pyatspi.Registry.getDesktop(0):
                try:
                    if app is not None and app.get_process_id() == self.pid and app.childCount > 0:
                        return app
                except Exception:
                    continue
            return None
        self.accessible = wait_for(probe, timeout=timeout,
                                   what="the application on the AT-SPI bus")
        return self.accessible

    def windows(self):
        self.check_running()
        return children(self.accessible)

    def window(self, predicate=lambda w: True, what="a window", timeout=DEFAULT_TIMEOUT):
        return wait_for(lambda: next((w for w in self.windows() if predicate(w)), None),
                        timeout=timeout, what=what)

    def wait_exit(self, timeout):
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self):
        """Ends the process and anything it started; never leaves it behind."""
        if self.process.poll() is None:
            for sig, grace in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
                try:
                    os.killpg(self.process.pid, sig)
                except ProcessLookupError:
                    break
                if self.wait_exit(grace) is not None:
                    break
        else:
            try:                            # children it may have left
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self.log_file.close()


def run_summary(program, path, env):
    result = subprocess.run([program, "--summary", path], env=env, capture_output=True,
                            text=True, timeout=30)
    check(result.returncode == 0,
          f"retainer --summary {path} exited {result.returncode}: {result.stderr.strip()}")
    try:
        return json.loads(result.stdout)
    except ValueError as error:
        raise Failure(f"retainer --summary printed no JSON ({error}): {result.stdout[:200]!r}")
