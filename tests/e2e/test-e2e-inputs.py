#!/usr/bin/python3
# test-e2e-inputs.py: the window's inputs with the keyboard only, through
# AT-SPI.
#
# Run like test-e2e.py (whose window model, processes and private D-Bus
# session it reuses):
#   xvfb-run -a -s '-screen 0 1920x1080x24 -noreset' \
#       /usr/bin/python3 tests/e2e/test-e2e-inputs.py _build/src/retainer
#
# The scenario, as a founder on a live call types it:
#   1. Ctrl+N for a new proposal: the monthly spend holds 0;
#   2. Tab onto the spend field and type 8 5 0 0, then Tab: the field reads
#      8,500 (its text was selected when the focus came, so the 0 went) and
#      the focus went straight to the next control, the Currency choice;
#      one more Tab lands on the growth field itself, not on its row;
#   3. Support response: Return opens the list with the focus on the current
#      value; Down and Return choose the next one;
#   4. Complexity set to Moderate by keyboard, then Space on "Decide from
#      three questions": the complexity still reads Moderate.
#
# Exit status: 0 passed, 1 failed, 77 skipped.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import importlib.util
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

_spec = importlib.util.spec_from_file_location("retainer_e2e", os.path.join(HERE, "test-e2e.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

d = None
KEYSYM_SPACE = 0x20
SPEND_DIGITS = "8500"
SPEND_SHOWN = "8,500"


def focused_node(frame):
    nodes = d.find_all(frame, lambda n: d.has_state(n, "focused"))
    return nodes[0] if nodes else None


def type_digits(digits):
    for digit in digits:
        d.key(ord(digit))


def scenario(run):
    app = run.start()
    win = e2e.Window(app, run.problems)

    # 1. A new proposal, by its shortcut.
    d.focus_window(win.frame, "the main window")
    d.shortcut(d.KEY_CONTROL_MASK, ord("n"))
    win.wait_title("New Proposal – Retainer", "the title of a new proposal (Ctrl+N)")
    spend = win.spend()
    d.wait_equal(lambda: d.text_of(spend), "0", what="the monthly spend of a new proposal")

    # 2. Type into the field holding 0; Tab on.
    d.tab_to(win.frame, spend, "the monthly spend field")
    type_digits(SPEND_DIGITS)
    d.wait_equal(lambda: d.text_of(spend).replace(",", ""), SPEND_DIGITS,
                 what="the typed spend (the 0 replaced, not kept)")
    d.key(d.KEYSYM_TAB)
    d.wait_equal(lambda: d.text_of(spend), SPEND_SHOWN, what="the monthly spend after Tab")
    d.log(f"typed {SPEND_DIGITS} into the spend holding 0: it reads {d.text_of(spend)}")

    # The spend row's own button comes next, then the Currency choice.
    estimate = win.button(lambda name: name == "Estimate from Usage…", "the Estimate from Usage button")
    d.wait_for(lambda: d.is_focused(estimate) or None,
               what="Tab from the spend to move the focus onto its Estimate from Usage button")
    d.key(d.KEYSYM_TAB)
    currency = win._input("combo box", "Currency", "Currency choice")
    d.wait_for(lambda: d.is_focused(currency) or None,
               what="Tab from the Estimate button to move the focus onto the Currency choice")
    d.key(d.KEYSYM_TAB)
    growth = win._input("spin button", "Growth per month", "growth field")
    d.wait_for(lambda: d.is_focused(growth) or None,
               what="Tab from Currency to move the focus into the growth field itself "
                    f"(it went to {d.describe(focused_node(win.frame)) if focused_node(win.frame) else 'nothing'})")
    d.log("Tab: spend → Estimate from Usage → Currency → growth field, no stop on a row")

    # 3. A dropdown opens on its value; Down and Return choose the next one.
    support = win._input("combo box", "Support response", "Support response choice")
    before = d.combo_selection(support)
    d.tab_to(win.frame, support, "the Support response choice")
    d.key(d.KEYSYM_RETURN)
    items = d.wait_for(lambda: [i for i in d.combo_items(support) if d.is_focused(i[0])]
                       and d.combo_items(support),
                       what="the list of Support response to open with Return")
    focused = [name for item, name in items if d.is_focused(item)]
    d.check(focused == [before],
            f"the list of Support response opened with the focus on {focused}, not on {before!r}")
    names = [name for _, name in items]
    wanted = names[(names.index(before) + 1) % len(names)]
    d.key(d.KEYSYM_DOWN)
    d.wait_for(lambda: [n for i, n in d.combo_items(support) if d.is_focused(i)] == [wanted] or None,
               timeout=3, what="Down to move to the next support response")
    d.key(d.KEYSYM_RETURN)
    d.wait_equal(lambda: d.combo_selection(support), wanted, what="the chosen support response")
    d.log(f"Support response: opened on {before!r}, chose {wanted!r} with Down and Return")

    # 4. The three questions start from the complexity there is.
    complexity = win.complexity()
    d.choose_in_combo(win.frame, complexity, "Moderate", "Complexity")
    fee_line = win.setup_fee_line()
    questions = d.find_first(win.frame, lambda n: n.name == "Decide from three questions"
                             and d.has_state(n, "focusable"))
    d.check(questions is not None, "no focusable “Decide from three questions” switch")
    d.tab_to(win.frame, questions, "the “Decide from three questions” switch")
    d.key(KEYSYM_SPACE)
    d.wait_for(lambda: d.has_state(questions, "checked") or None,
               what="Space to turn the three questions on")
    time.sleep(0.2 * d.TIME_SCALE)     # any change of the complexity would show by now
    d.check(d.combo_selection(win.complexity()) == "Moderate",
            f"with the three questions on, the complexity reads "
            f"{d.combo_selection(win.complexity())!r}, not Moderate")
    d.check(win.setup_fee_line() == fee_line,
            f"the setup fee moved when the questions were turned on: {fee_line} → {win.setup_fee_line()}")
    d.log("questions on: complexity still Moderate, the fee unchanged")

    d.check(not run.problems, "; ".join(run.problems.items))


def run_checked(program):
    global d
    import atspi_driver
    d = atspi_driver
    e2e.d = atspi_driver
    try:
        d.use_a11y_bus_of_session()
    except Exception as error:
        print(f"not ok - the session has no accessibility bus ({error})")
        return 1
    try:
        d.load_atspi()
    except (ImportError, ValueError) as error:
        print(f"# pyatspi is missing ({error}): skipped")
        return e2e.SKIP

    started = time.monotonic()
    run = e2e.Run(program)
    failed = True
    try:
        scenario(run)
        failed = False
    except Exception as error:
        deaths = [death for death in (app.death() for app in run.apps) if death]
        if deaths:
            print(f"not ok - {deaths[0]} (then: {error})")
        elif isinstance(error, d.Failure):
            print(f"not ok - {error}")
        else:
            print(f"not ok - {type(error).__name__}: {error}")
            import traceback
            traceback.print_exc(file=sys.stdout)
    finally:
        run.cleanup(keep=failed)
    if failed:
        return 1
    print(f"ok - the inputs with the keyboard only ({time.monotonic() - started:.1f} s)")
    return 0


def main():
    if len(sys.argv) != 2:
        print("usage: test-e2e-inputs.py RETAINER_BIN", file=sys.stderr)
        return 2
    if not os.access(sys.argv[1], os.X_OK):
        print(f"# {sys.argv[1]} is not an executable: failed")
        return 1
    if not e2e.display_answers(os.environ.get("DISPLAY", "")):
        print("# no X display answers (run under xvfb-run): skipped")
        return e2e.SKIP
    if os.environ.get(e2e.PRIVATE_BUS_MARK) != "1":
        # The same private session test-e2e.py starts, running this file.
        e2e.__file__ = os.path.abspath(__file__)
        return e2e.run_on_private_bus()
    return run_checked(sys.argv[1])


if __name__ == "__main__":
    sys.exit(main())
