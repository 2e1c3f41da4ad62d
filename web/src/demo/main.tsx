import { render } from "preact";

render(<h1>Mailvet demo</h1>, document.getElementById("app")!);
