import { createElement } from "lwc";
import TandemWizardBehaviourStep, { invalidEmails } from "c/tandemWizardBehaviourStep";
import saveBehaviour from "@salesforce/apex/SetupWizardController.saveBehaviour";
import state from "../../tandemSetupWizard/__tests__/data/state.json";

jest.mock("@salesforce/apex/SetupWizardController.saveBehaviour", () => ({ default: jest.fn() }), { virtual: true });

/** The first argument of a mock's call (jest types mock calls as any). */
const argOf = <T = Record<string, unknown>>(fn: jest.Mock, call = 0): T => (fn.mock.calls as unknown[][])[call][0] as T;
const mockSave = saveBehaviour as unknown as jest.Mock;

type Step = HTMLElement & { state: unknown; submit(): Promise<unknown> };
const flush = async () => {
  for (let i = 0; i < 4; i++) await Promise.resolve();
};
const root = (element: HTMLElement) => element.shadowRoot!;
const all = (element: HTMLElement, selector: string) => [...root(element).querySelectorAll<HTMLElement>(selector)];
const change = (target: Element | undefined | null, value: string) =>
  target?.dispatchEvent(new CustomEvent("change", { detail: { value } }));

function createStep(value: unknown = state): Step {
  const element = createElement("c-tandem-wizard-behaviour-step", { is: TandemWizardBehaviourStep }) as unknown as Step;
  element.state = value;
  document.body.appendChild(element);
  return element;
}

describe("c-tandem-wizard-behaviour-step", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it("names the entries that are not email addresses", () => {
    expect(invalidEmails("a@example.com, b@example.com\nc@example.org")).toEqual([]);
    expect(invalidEmails("a@example.com; not-an-email, x@y")).toEqual(["not-an-email", "x@y"]);
    expect(invalidEmails("")).toEqual([]);
  });

  it("shows each pair's settings with defaults and the connection's settings", async () => {
    const element = createStep();
    expect(all(element, "fieldset.pair")).toHaveLength(2);
    expect((all(element, ".schedule")[0] as unknown as { value: string }).value).toBe("Hourly");
    expect((all(element, ".schedule")[1] as unknown as { value: string }).value).toBe("Manual");
    expect((all(element, ".merge")[1] as unknown as { value: string }).value).toBe("OverwriteAll");
    expect((root(element).querySelector(".recipients") as unknown as { value: string }).value).toBe("ops@example.com");
    await expect(element).toBeAccessible();
  });

  it("saves the edited behaviour", async () => {
    const element = createStep();
    change(all(element, ".merge")[0], "MergeNewDataOnly");
    change(all(element, ".delete-mode")[1], "Unlink");
    change(root(element).querySelector(".budget"), "2500");
    change(root(element).querySelector(".threshold"), "5");
    change(root(element).querySelector(".recipients"), "ops@example.com, cfo@example.com");
    await flush();
    mockSave.mockResolvedValue({ ...state, step: 7 });
    await expect(element.submit()).resolves.toMatchObject({ step: 7 });
    const sent = argOf<{
      behaviour: unknown;
      pairs: { mergeStrategy: string; deleteMode: string }[];
      revision: number;
    }>(mockSave, 0);
    expect(sent.behaviour).toEqual({
      dailyCalloutBudget: 2500,
      autoDisableThreshold: 5,
      alertRecipients: "ops@example.com, cfo@example.com",
    });
    expect(sent.pairs[0].mergeStrategy).toBe("MergeNewDataOnly");
    expect(sent.pairs[1].deleteMode).toBe("Unlink");
    expect(sent.revision).toBe(3);
  });

  it("refuses an invalid alert recipient before calling Apex", async () => {
    const element = createStep();
    const recipients = root(element).querySelector<
      HTMLElement & { setCustomValidity: jest.Mock; reportValidity: jest.Mock }
    >(".recipients")!;
    recipients.setCustomValidity = jest.fn();
    recipients.reportValidity = jest.fn();
    change(recipients, "ops@example.com, nope");
    expect(recipients.setCustomValidity).toHaveBeenLastCalledWith('"nope" is not an email address.');
    await expect(element.submit()).resolves.toBeNull();
    expect(mockSave).not.toHaveBeenCalled();
  });

  it("shows the Apex message when the behaviour is refused", async () => {
    const element = createStep({ ...state, behaviour: undefined });
    mockSave.mockRejectedValue({
      body: { message: "Daily callout budget: enter a whole number from 1 to 999,999,999." },
    });
    await expect(element.submit()).resolves.toBeNull();
    await flush();
    expect((root(element).querySelector("c-tandem-error-panel") as unknown as { errors: unknown }).errors).toEqual({
      body: { message: "Daily callout budget: enter a whole number from 1 to 999,999,999." },
    });
    await expect(element).toBeAccessible();
  });
});
