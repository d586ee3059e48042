// "My people": add, change and remove trusted people. They are kept in this browser only
// (localStorage, through window.Checkje from core.js) and never sent anywhere.
(function () {
  "use strict";

  var editor = document.querySelector("[data-people-editor]");
  if (!editor || !window.Checkje) {
    return;
  }
  var Checkje = window.Checkje;
  var maxPeople = Number(editor.dataset.maxPeople);
  var list = editor.querySelector("[data-people-list]");
  var empty = editor.querySelector("[data-people-empty]");
  var full = editor.querySelector("[data-people-full]");
  var status = editor.querySelector("[data-people-status]");
  var form = editor.querySelector("[data-person-form]");
  // The fields have no names, so the form can never send them: they are read here, by their ids.
  var nameInput = form.querySelector("#person-name");
  var phoneInput = form.querySelector("#person-phone");
  var heading = form.querySelector("[data-form-heading]");
  var submit = form.querySelector("[data-submit]");
  var cancel = form.querySelector("[data-cancel-edit]");
  var summary = form.querySelector("[data-error-summary]");
  var text = form.dataset;
  var editingId = null;

  // Dutch numbers (06 12345678, 020-1234567) and international ones (+32…, 0032…) become +<digits>.
  function normalizePhone(raw) {
    var number = raw.replace(/[\s\-.()\/]/g, "");
    if (!number) {
      return { error: text.errorPhoneEmpty };
    }
    if (!/^\+?\d+$/.test(number)) {
      return { error: text.errorPhoneCharacters };
    }
    if (number.indexOf("00") === 0) {
      number = "+" + number.slice(2);
    } else if (number.charAt(0) === "0") {
      if (number.length !== 10) {
        return { error: text.errorPhoneDutch };
      }
      number = "+31" + number.slice(1);
    } else if (number.charAt(0) !== "+") {
      return { error: text.errorPhoneStart };
    }
    if (number.length < 9 || number.length > 16) {
      return { error: text.errorPhoneLength };
    }
    return { number: number };
  }

  function announce(template, name) {
    status.textContent = template.replace("{name}", name);
  }

  function showFieldError(field, message) {
    var wrapper = form.querySelector('[data-field="' + field + '"]');
    var input = wrapper.querySelector("input");
    var error = wrapper.querySelector(".error-message");
    wrapper.classList.toggle("field--error", Boolean(message));
    error.hidden = !message;
    error.textContent = message || "";
    var describedBy = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return id && id !== error.id;
    });
    if (message) {
      describedBy.push(error.id);
      input.setAttribute("aria-invalid", "true");
    } else {
      input.removeAttribute("aria-invalid");
    }
    if (describedBy.length) {
      input.setAttribute("aria-describedby", describedBy.join(" "));
    } else {
      input.removeAttribute("aria-describedby");
    }
  }

  function showErrors(errors) {
    var errorList = summary.querySelector("[data-error-list]");
    errorList.textContent = "";
    ["name", "phone"].forEach(function (field) {
      showFieldError(field, errors[field]);
      if (errors[field]) {
        var item = Checkje.element("li");
        var link = Checkje.element("a", null, errors[field]);
        link.href = "#person-" + field;
        item.appendChild(link);
        errorList.appendChild(item);
      }
    });
    summary.hidden = !errorList.children.length;
    if (!summary.hidden) {
      summary.focus();
    }
  }

  function resetForm() {
    editingId = null;
    form.reset();
    showErrors({});
    heading.textContent = text.headingAdd;
    submit.textContent = text.submitAdd;
    cancel.hidden = true;
  }

  function startEditing(person) {
    editingId = person.id;
    nameInput.value = person.name;
    phoneInput.value = person.shown;
    Checkje.fillName(heading, text.headingEdit, person.name);
    submit.textContent = text.submitSave;
    cancel.hidden = false;
    form.hidden = false;
    heading.focus();
  }

  function render() {
    var people = Checkje.loadPeople();
    list.textContent = "";
    people.forEach(function (person) {
      var item = Checkje.personItem(person);
      var actions = Checkje.element("div", "people__manage");
      var edit = Checkje.element("button", "button button--secondary button--small");
      edit.type = "button";
      edit.appendChild(document.createTextNode(editor.dataset.labelEdit + " "));
      edit.appendChild(Checkje.element("span", "visually-hidden", person.name));
      edit.addEventListener("click", function () {
        startEditing(person);
      });
      var remove = Checkje.element("button", "button button--secondary button--small");
      remove.type = "button";
      remove.appendChild(document.createTextNode(editor.dataset.labelRemove + " "));
      remove.appendChild(Checkje.element("span", "visually-hidden", person.name));
      remove.addEventListener("click", function () {
        Checkje.savePeople(Checkje.loadPeople().filter(function (other) {
          return other.id !== person.id;
        }));
        if (editingId === person.id) {
          resetForm();
        }
        render();
        announce(status.dataset.removed, person.name);
        heading.focus();
      });
      actions.appendChild(edit);
      actions.appendChild(remove);
      item.appendChild(actions);
      list.appendChild(item);
    });
    empty.hidden = people.length > 0;
    var isFull = people.length >= maxPeople && editingId === null;
    form.hidden = isFull;
    full.hidden = !isFull;
    Checkje.showPeople();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var name = nameInput.value.trim();
    var phone = normalizePhone(phoneInput.value);
    var errors = {};
    if (!name) {
      errors.name = text.errorNameEmpty;
    } else if (name.length > 40) {
      errors.name = text.errorNameLong;
    }
    if (phone.error) {
      errors.phone = phone.error;
    }
    showErrors(errors);
    if (errors.name || errors.phone) {
      return;
    }
    var person = { id: editingId || String(Date.now()), name: name, phone: phone.number, shown: phoneInput.value.trim() };
    var people = Checkje.loadPeople();
    var wasEditing = editingId !== null;
    if (wasEditing) {
      people = people.map(function (other) {
        return other.id === editingId ? person : other;
      });
    } else {
      people.push(person);
    }
    Checkje.savePeople(people);
    resetForm();
    render();
    announce(wasEditing ? status.dataset.saved : status.dataset.added, name);
  });

  cancel.addEventListener("click", function () {
    resetForm();
    render();
  });

  document.addEventListener("checkje:wiped", function () {
    resetForm();
    render();
  });

  // The form takes the note's place (render shows it unless the list is full).
  editor.querySelector("[data-needs-script]").hidden = true;
  render();
})();
