/*
 * Frontline's SCORM launch page (shared by every SCO of a package). It finds the LMS's SCORM API, marks the
 * activity incomplete, opens the scenario in Frontline in a window of its own (where the learner signs in), and
 * waits for that window to post the attempt's result, which it reports through the SCORM API before finishing.
 *
 * Plain ES5-style script with no dependency: LMSs serve packages as static files in every kind of frame, and this
 * file must run as it is. It holds no secret and no scenario content; each SCO's HTML carries its settings as JSON.
 */
(function (root) {
  "use strict";

  var ATTEMPT_ENDED = "frontline:attempt-ended";

  var NAMES = {
    "1.2": { api: "API", init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish", error: "LMSGetLastError" },
    "2004": { api: "API_1484_11", init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate", error: "GetLastError" },
  };

  /** win[name], or null where reading it throws (a parent or opener on another origin). */
  function read(win, name) {
    try {
      return win[name] || null;
    } catch {
      return null;
    }
  }

  /** The API in `win` or one of its parents, as the SCORM discovery algorithm walks them (at most 500 levels up). */
  function scan(win, name) {
    var hops = 0;
    while (win && !read(win, name) && hops < 500) {
      var parent = read(win, "parent");
      if (!parent || parent === win) break;
      win = parent;
      hops += 1;
    }
    return win ? read(win, name) : null;
  }

  /** The LMS's API object for this edition: in this window's frames, else in its opener's (and the top window's opener's). */
  function findApi(win, version) {
    var name = NAMES[version].api;
    var api = scan(win, name);
    if (!api) api = scan(read(win, "opener"), name);
    if (!api) {
      var top = read(win, "top");
      if (top) api = scan(read(top, "opener"), name);
    }
    return api;
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  /** SCORM 1.2's CMITimespan (HHHH:MM:SS) and SCORM 2004's ISO 8601 duration, from milliseconds. */
  function duration(version, ms) {
    var seconds = Math.max(0, Math.round(ms / 1000));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds % 60;
    if (version === "1.2") return pad(Math.min(hours, 9999)) + ":" + pad(minutes) + ":" + pad(rest);
    return "PT" + hours + "H" + minutes + "M" + rest + "S";
  }

  /**
   * One SCO's conversation with the LMS: start (Initialize, incomplete), report (status, score, Commit, Terminate)
   * and finish (Terminate without a result, when the learner leaves first). Each ends the session once only.
   */
  function createSession(version, api, now) {
    var names = NAMES[version];
    var state = "new";
    var startedAt = 0;

    function call(method, a, b) {
      return String(api[method](a, b));
    }
    function set(element, value) {
      return call(names.set, element, String(value)) === "true";
    }
    function get(element) {
      return call(names.get, element);
    }
    function end(exit) {
      set(version === "1.2" ? "cmi.core.session_time" : "cmi.session_time", duration(version, now() - startedAt));
      set(version === "1.2" ? "cmi.core.exit" : "cmi.exit", exit);
      call(names.commit, "");
      call(names.finish, "");
      state = "ended";
    }

    return {
      start: function () {
        if (state !== "new" || call(names.init, "") !== "true") return false;
        state = "open";
        startedAt = now();
        if (version === "1.2") {
          var lesson = get("cmi.core.lesson_status");
          if (lesson === "" || lesson === "not attempted") set("cmi.core.lesson_status", "incomplete");
        } else {
          var completion = get("cmi.completion_status");
          if (completion === "" || completion === "unknown" || completion === "not attempted") set("cmi.completion_status", "incomplete");
        }
        call(names.commit, "");
        return true;
      },
      /** result: { score: 0–100 or null, passed, completed } as readAttemptEnded returns it. */
      report: function (result) {
        if (state !== "open") return false;
        var prefix = version === "1.2" ? "cmi.core.score." : "cmi.score.";
        if (result.score !== null) {
          set(prefix + "raw", result.score);
          set(prefix + "min", 0);
          set(prefix + "max", 100);
          if (version === "2004") set("cmi.score.scaled", result.score / 100);
        }
        if (version === "1.2") {
          // 1.2 has one status: passed and failed say completed too; without a score, completed is all there is to say.
          set("cmi.core.lesson_status", result.score === null ? (result.completed ? "completed" : "incomplete") : result.passed ? "passed" : "failed");
          end("");
        } else {
          set("cmi.completion_status", result.completed ? "completed" : "incomplete");
          set("cmi.success_status", result.score === null ? "unknown" : result.passed ? "passed" : "failed");
          end("normal");
        }
        return true;
      },
      finish: function () {
        if (state !== "open") return false;
        // Left before the conversation ended: 2004 keeps the attempt open for a later launch; 1.2 has nothing to add.
        end(version === "1.2" ? "" : "suspend");
        return true;
      },
      state: function () {
        return state;
      },
    };
  }

  /**
   * The attempt's result from a message event, or null when the event is not Frontline's message for this SCO: it
   * must come from Frontline's origin (baked in at download), from the window this page opened, name this scenario,
   * and carry a whole score from 0 to 100 (or null) with boolean flags. `passMark` is the mark Frontline judged by
   * (its admin may have changed it since this package was downloaded), or null when the message has no valid one.
   */
  function readAttemptEnded(event, expected) {
    if (!event || event.origin !== expected.origin) return null;
    if (expected.source && event.source !== expected.source) return null;
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== ATTEMPT_ENDED || data.scenarioId !== expected.scenarioId) return null;
    var score = data.score;
    if (score !== null && !(typeof score === "number" && Math.floor(score) === score && score >= 0 && score <= 100)) return null;
    if (typeof data.passed !== "boolean" || typeof data.completed !== "boolean") return null;
    var mark = data.passMark;
    var passMark = typeof mark === "number" && Math.floor(mark) === mark && mark >= 0 && mark <= 100 ? mark : null;
    return { score: score, passed: data.passed, completed: data.completed, passMark: passMark };
  }

  /** Frontline's launch URL for this SCO; the launch page's own origin tells Frontline where to post the result. */
  function launchUrl(config, ownOrigin) {
    return (
      config.frontlineOrigin +
      config.launchPath +
      "?scenario=" +
      encodeURIComponent(config.scenarioId) +
      "&v=" +
      encodeURIComponent(config.version) +
      "&origin=" +
      encodeURIComponent(ownOrigin)
    );
  }

  function format(text, values) {
    return String(text).replace(/\{\{(\w+)\}\}/g, function (_match, key) {
      return values && key in values ? String(values[key]) : "";
    });
  }

  function boot(win) {
    var doc = win.document;
    var config = JSON.parse(doc.getElementById("frontline-scorm").textContent);
    var status = doc.getElementById("frontline-status");
    var button = doc.getElementById("frontline-open");
    function say(key, score, passMark) {
      status.textContent = format(config.messages[key], { score: score === undefined ? "" : score, passMark: passMark === undefined || passMark === null ? config.passMark : passMark });
    }
    function offerButton(key) {
      button.textContent = config.messages[key];
      button.hidden = false;
    }

    // A package served from a sandboxed frame or a file has an opaque origin: Frontline could not post to it.
    if (!/^https?:$/.test(win.location.protocol) || win.location.origin === "null") return say("badOrigin");
    var api = findApi(win, config.version);
    if (!api) return say("noApi");
    var session = createSession(config.version, api, function () {
      return Date.now();
    });
    if (!session.start()) return say("initFailed");

    var url = launchUrl(config, win.location.origin);
    var popup = null;
    var done = false;

    function open() {
      if (popup && !popup.closed) return popup.focus();
      // Frontline's debrief reads this name to tell a window that lost its platform page from an ordinary tab.
      popup = win.open(url, "frontline-" + config.scenarioId);
      if (!popup) {
        say("blocked");
        offerButton("open");
      } else {
        say("waiting");
        offerButton("show");
      }
    }

    button.addEventListener("click", open);
    var watch = win.setInterval(function () {
      if (!done && popup && popup.closed) {
        popup = null;
        say("closed");
        offerButton("openAgain");
      }
    }, 1000);

    win.addEventListener("message", function (event) {
      if (done) return;
      var result = readAttemptEnded(event, { origin: config.frontlineOrigin, scenarioId: config.scenarioId, source: popup });
      if (!result) return;
      done = true;
      win.clearInterval(watch);
      session.report(result);
      button.hidden = true;
      say(result.score === null ? "reportedNoScore" : result.passed ? "reportedPassed" : "reportedFailed", result.score, result.passMark);
    });
    win.addEventListener("pagehide", function () {
      session.finish();
    });
    open();
  }

  root.FrontlineScorm = { findApi: findApi, createSession: createSession, readAttemptEnded: readAttemptEnded, launchUrl: launchUrl, duration: duration, format: format, boot: boot };
  if (root.document && root.document.getElementById && root.document.getElementById("frontline-scorm")) boot(root);
})(typeof window !== "undefined" ? window : globalThis);
