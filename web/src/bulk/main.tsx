import { render } from "preact";

render(<h1>Mailvet bulk</h1>, document.getElementById("app")!);
