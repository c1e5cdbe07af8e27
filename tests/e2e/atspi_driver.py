# atspi_driver.py: a small toolkit to drive a GTK 4 application through AT-SPI.
#
# Written for GTK 4.18 + libadwaita 1.7 + at-spi2-core 2.56 under Xvfb
# without a window manager, and kept tolerant of the older and newer stacks:
# - widgets are found by role and accessible name, never by position; role
#   names are compared in one spelling ("button", which at-spi2-core called
#   "push button" before 2.56);
# - buttons are pressed through their Action ("click"), values are set
#   through the EditableText and Value interfaces, never with keys;
# - no screen coordinates: GTK 4 answers 0,0 for DESKTOP_COORDS, its
#   WINDOW_COORDS drift by tens of pixels inside nested containers, and
#   Component.grabFocus is not implemented (GTK answers NotSupported);
# - an AdwComboRow has no Action: the driver moves the keyboard focus onto it
#   with Tab, as a keyboard user does, opens it with Return and picks the
#   item with the arrow keys, checking the focus through AT-SPI each step;
# - keys are synthesized by the AT-SPI registry (XTest); shortcuts are sent
#   as key symbols with locked modifiers (keymap-proof).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import signal
import subprocess
import time

DEFAULT_TIMEOUT = 10.0
# Every wait is this many times longer for a slow build of the application
# (meson sets it for sanitizer builds, where GTK starts in 10-20 s).
TIME_SCALE = max(1.0, float(os.environ.get("RETAINER_E2E_TIME_SCALE", "1") or 1))

KEY_CONTROL_MASK = 1 << 2      # GDK_CONTROL_MASK / X11 ControlMask
KEYSYM_TAB = 0xff09
KEYSYM_DOWN = 0xff54
KEYSYM_UP = 0xff52
KEYSYM_RETURN = 0xff0d

# The registry that synthesizes input and the application must share one
# accessibility bus; it is chosen before pyatspi connects (see
# use_a11y_bus_of_session), so pyatspi is imported on first use.
pyatspi = None
Atspi = None


def load_atspi():
    global pyatspi, Atspi
    if pyatspi is None:
        import gi
        gi.require_version("Atspi", "2.0")
        from gi.repository import Atspi as atspi_module
        import pyatspi as pyatspi_module
        pyatspi, Atspi = pyatspi_module, atspi_module


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


def wait_for(probe, timeout=DEFAULT_TIMEOUT, what="something", interval=0.05):
    """Polls probe() until it returns something true; returns that.

    probe() may raise: the last exception is reported on timeout."""
    timeout *= TIME_SCALE
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


# ---------------------------------------------------------------- the bus

def use_a11y_bus_of_session():
    """Pins this process and the programs it starts to the accessibility bus
    of the current D-Bus session, and returns its address.

    Without this the driver (libatspi) and GTK may each pick another bus:
    on X11 both read the AT_SPI_BUS property of the root window first, which
    any earlier program on the same display may have set for its own
    session; and the registry of that bus synthesizes no input when its
    session was started with WAYLAND_DISPLAY in the environment."""
    from gi.repository import Gio, GLib
    connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = connection.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                                 None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE,
                                 10000, None)
    address = reply.unpack()[0]
    check(address, "the session's org.a11y.Bus gave no accessibility bus address")
    os.environ["AT_SPI_BUS_ADDRESS"] = address
    return address


# ---------------------------------------------------------------- the tree

# at-spi2-core 2.56 renamed "push button" to "button"; compare in the new
# spelling whichever the stack speaks.
_ROLE_SPELLINGS = {"push button": "button"}


def role(node):
    name = node.getRoleName()
    return _ROLE_SPELLINGS.get(name, name)


def has_state(node, state_name):
    load_atspi()
    return node.getState().contains(getattr(pyatspi, "STATE_" + state_name.upper()))


def is_sensitive(node):
    return has_state(node, "sensitive")


def is_focused(node):
    return has_state(node, "focused")


def is_showing(node):
    return has_state(node, "showing")


def is_gone(node):
    """A node whose widget went away (its window closed, a list rebuilt)."""
    try:
        return role(node) in ("invalid", "defunct") or has_state(node, "defunct")
    except Exception:
        return True


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


def ancestors(node, stop):
    result = []
    parent = node.parent
    while parent is not None and parent != stop:
        result.append(parent)
        parent = parent.parent
    return result


def labelled_by(node):
    """Texts of the nodes a node is labelled by (GTK's LABELLED_BY relation)."""
    load_atspi()
    texts = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for i in range(relation.getNTargets()):
                target = relation.getTarget(i)
                if target is not None:
                    texts.append(target.name)
    return texts


def find_labelled(root, role_name, label):
    """A node of a role whose LABELLED_BY relation points at label text, or
    failing that whose name is label (some GTK versions concatenate a
    widget's own label and its labelled-by label in the name)."""
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


def describe(node):
    try:
        return f"{role(node)} {node.name!r}" if node.name else role(node)
    except Exception:
        return "a node that went away"


# ---------------------------------------------------------------- acting

def action_names(node):
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    names = []
    for i in range(action.nActions):
        try:
            names.append(action.getName(i))
        except Exception:
            names.append("")
    return names


def press_action(node, what, names=("click", "press", "activate", "toggle")):
    """Runs a node's action by name (a button's "click"): GTK 4 also lists
    its widget actions ("clipboard.copy", "win.save" …) on many nodes, so
    index 0 is not necessarily the click."""
    available = action_names(node)
    check(available, f"{what} has no action ({describe(node)})")
    index = next((available.index(n) for n in names if n in available), None)
    check(index is not None, f"{what} has none of the actions {list(names)}: {available}")
    check(node.queryAction().doAction(index), f"{what}: its action {available[index]!r} was refused")


def key(keysym):
    load_atspi()
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)


def shortcut(modifiers, keysym):
    load_atspi()
    Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.LOCKMODIFIERS)
    try:
        key(keysym)
    finally:
        Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.UNLOCKMODIFIERS)


def focus_window(frame, what):
    """Makes sure the keys reach frame.

    Without a window manager nobody gives the focus back to a window: GTK
    focuses each window it presents (XSetInputFocus), and when a dialog
    closes the X focus falls back to the root window, where X hands the keys
    to the window under the pointer while GTK no longer calls the window
    active. So, unless GTK reports the window active, the pointer is moved
    onto its header bar (no tooltip can open there); GTK maps every toplevel
    at the screen's origin without a window manager. This is the one place
    the driver uses a position, and only the window's own size decides it.
    Each key step then checks its effect through AT-SPI."""
    load_atspi()
    if has_state(frame, "active"):
        return
    extents = frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    check(extents.width > 0 and extents.height > 0, f"{what} has no size")
    check(Atspi.generate_mouse_event(extents.width // 2, min(24, extents.height // 2), "abs"),
          f"the AT-SPI registry refused to move the pointer onto {what}")


def focused_after(nodes, start):
    """The index of the focused node in nodes, looking from start on and
    wrapping: Tab order mostly follows the document, so this usually asks
    one or two nodes, not all (each asks the app through D-Bus)."""
    count = len(nodes)
    for step in range(count):
        index = (start + step) % count
        if is_focused(nodes[index]):
            return index
    return None


def tab_to(frame, target, what, max_steps=120):
    """Moves the keyboard focus onto target with Tab, one press at a time,
    waiting after each press until the focus has moved (no overshoot)."""
    if is_focused(target):
        return
    focus_window(frame, "the window")
    nodes = find_all(frame, lambda n: has_state(n, "focusable"))
    check(target in nodes, f"{what} can't take the keyboard focus")
    seen = []
    current = focused_after(nodes, 0)
    for _ in range(max_steps):
        previous = current

        def moved():
            if previous is not None and is_focused(nodes[previous]):
                return None
            now = focused_after(nodes, 0 if previous is None else previous + 1)
            return None if now is None else (now,)

        key(KEYSYM_TAB)
        what_moved = (f"Tab to move the focus on from {describe(nodes[previous])}"
                      if previous is not None else "Tab to focus a widget of the window")
        current = wait_for(moved, timeout=3, what=what_moved)[0]
        if nodes[current] == target:
            return
        seen.append(describe(nodes[current]))
    raise Failure(f"{max_steps} presses of Tab never reached {what}; the focus went through "
                  f"{', '.join(seen[:30])}")


def set_text(entry, value, what):
    check(entry.queryEditableText().setTextContents(value), f"{what}: setTextContents refused")
    wait_equal(lambda: text_of(entry), value, what=f"{what} text")


def set_value(node, value, what):
    node.queryValue().currentValue = float(value)
    wait_equal(lambda: node.queryValue().currentValue, float(value), what=f"{what} value")


# ---------------------------------------------------------------- AdwComboRow

def _in_popover(node, combo):
    """The combo's item list lives in its popover, under a scroll pane; the
    row's own list (showing the chosen item) does not."""
    return any(role(a) == "scroll pane" for a in ancestors(node, combo))


def combo_selection(combo):
    """What an AdwComboRow shows: the label of the row's own one-item list."""
    lists = [node for node in find_all(combo, by_role_name("list"))
             if not _in_popover(node, combo)]
    shown = [text_of(label) for lst in lists for label in find_all(lst, by_role_name("label"))]
    return shown[0] if shown else None


def combo_items(combo):
    """(item, text) for each item of the combo's open popover, in order."""
    items = []
    for item in find_all(combo, by_role_name("list item")):
        if is_showing(item) and _in_popover(item, combo):
            texts = label_texts(item)
            items.append((item, texts[0] if texts else ""))
    return items


def choose_in_combo(frame, combo, wanted, what):
    """Picks `wanted` in an AdwComboRow the way a keyboard user does: Tab
    onto the row, Return to open its list, arrow keys to the item (checking
    the focused item through AT-SPI after each press), Return to choose."""
    if combo_selection(combo) == wanted:
        return
    tab_to(frame, combo, what)
    key(KEYSYM_RETURN)
    items = wait_for(lambda: [i for i in combo_items(combo) if is_focused(i[0])] and combo_items(combo),
                     what=f"the list of {what} to open with Return")
    names = [name for _, name in items]
    check(wanted in names, f"{what}: no item {wanted!r} among {names}")

    def signature():
        return [(is_focused(item), has_state(item, "selected")) for item, _ in items]

    for _ in range(2 * len(names) + 2):
        focused = [name for item, name in items if is_focused(item)]
        if focused == [wanted]:
            break
        current = names.index(focused[0]) if focused else 0
        before = signature()
        key(KEYSYM_DOWN if names.index(wanted) > current else KEYSYM_UP)
        wait_for(lambda: signature() != before, timeout=3,
                 what=f"an arrow key to move in the list of {what}")
    else:
        raise Failure(f"{what}: the arrow keys never reached {wanted!r} in {names}")
    key(KEYSYM_RETURN)
    wait_equal(lambda: combo_selection(combo), wanted, what=what)
    wait_for(lambda: not combo_items(combo), what=f"the list of {what} to close")


# ---------------------------------------------------------------- processes

class Application:
    """One run of the program, found on the AT-SPI bus by its process id."""

    def __init__(self, argv, env, cwd, log_path):
        load_atspi()
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
